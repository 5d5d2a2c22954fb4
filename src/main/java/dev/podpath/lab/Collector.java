package dev.podpath.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks every daemon and kernel of the run what it has now, and parses the answers. */
final class Collector {

  private final RunContext ctx;

  Collector(RunContext ctx) {
    this.ctx = ctx;
  }

  LabObservation collect(boolean converged, Duration elapsed) {
    List<ObservedSession> sessions = new ArrayList<>();
    List<ObservedBgpRoute> routes = new ArrayList<>();
    List<ObservedKernelRoute> kernel = new ArrayList<>();
    for (LabHost h : ctx.topology.hosts()) {
      String ns = ctx.ns(h.name());
      Path dir = ctx.hostDir(h.name());
      if (h.bird() != null) {
        String ctl = dir.resolve("bird.ctl").toString();
        sessions.addAll(BirdOutputParser.sessions(h.name(), birdc(ns, ctl, "show", "protocols", "all")));
        routes.addAll(BirdOutputParser.routes(h.name(), birdc(ns, ctl, "show", "route", "all", "table", "all")));
      }
      if (h.frr() != null) {
        String vty = dir.resolve("frr").toString();
        sessions.addAll(FrrOutputParser.sessions(h.name(), vtysh(ns, vty, "show bgp vrf all summary json")));
        routes.addAll(FrrOutputParser.routes(h.name(), vtysh(ns, vty, "show bgp vrf all ipv6 unicast json")));
        routes.addAll(FrrOutputParser.routes(h.name(), vtysh(ns, vty, "show bgp vrf all ipv4 unicast json")));
      }
      if (ctx.topology.speakers().stream().anyMatch(s -> s.host().equals(h.name()))) {
        sessions.addAll(GobgpOutputParser.sessions(h.name(), ctx.run(DaemonStarter.gobgp(ns, "neighbor", "-j"))));
        routes.addAll(GobgpOutputParser.routes(h.name(), ctx.run(DaemonStarter.gobgp(ns, "global", "rib", "-a", "ipv6", "-j"))));
        routes.addAll(GobgpOutputParser.routes(h.name(), ctx.run(DaemonStarter.gobgp(ns, "global", "rib", "-a", "ipv4", "-j"))));
      }
      boolean noise = ctx.options.keepNoise();
      kernel.addAll(KernelRouteParser.routes(h.name(),
          ctx.run(RunContext.ip(ns, "-j", "-6", "route", "show", "table", "all")), true, noise));
      kernel.addAll(KernelRouteParser.routes(h.name(),
          ctx.run(RunContext.ip(ns, "-j", "-4", "route", "show", "table", "all")), false, noise));
    }
    return new LabObservation(sessions, routes, kernel, converged, elapsed);
  }

  private String birdc(String ns, String ctl, String... words) {
    List<String> cmd = RunContext.inNs(ns, LabPreconditions.BIRDC.toString(), "-s", ctl);
    cmd.addAll(List.of(words));
    return ctx.run(cmd);
  }

  private String vtysh(String ns, String vtyDir, String command) {
    return ctx.run(RunContext.inNs(ns, LabPreconditions.VTYSH.toString(), "--vty_socket", vtyDir, "-c", command));
  }

  /**
   * Restarts sessions that are still trying to connect, so that a connect retry timer (120 s in
   * BIRD, FRR and Cilium) does not decide how long the lab waits. A restart changes when a session
   * comes up, never whether: a disabled BIRD protocol stays disabled ("already disabled"), a
   * misconfigured session fails again.
   */
  void nudge(List<ObservedSession> stuck) {
    for (ObservedSession s : stuck) {
      String ns = ctx.ns(s.host());
      Path dir = ctx.hostDir(s.host());
      ctx.progress("restarting session " + s.host() + "/" + s.name() + " (" + s.state() + ")");
      CommandRunner.Result r = switch (s.daemon()) {
        case BIRD -> CommandRunner.run(RunContext.inNs(ns, LabPreconditions.BIRDC.toString(), "-s",
            dir.resolve("bird.ctl").toString(), "restart", s.name()), RunContext.SHORT);
        case FRR -> CommandRunner.run(RunContext.inNs(ns, LabPreconditions.VTYSH.toString(), "--vty_socket",
            dir.resolve("frr").toString(), "-c",
            s.vrf().equals("default") ? "clear bgp " + s.name() : "clear bgp vrf " + s.vrf() + " " + s.name()),
            RunContext.SHORT);
        case CILIUM_STANDIN -> CommandRunner.run(DaemonStarter.gobgp(ns, "neighbor", s.name(), "reset"), RunContext.SHORT);
      };
      if (!r.ok()) {
        ctx.warn("could not restart " + s.host() + "/" + s.name() + ": " + r.err().strip());
      }
    }
  }
}
