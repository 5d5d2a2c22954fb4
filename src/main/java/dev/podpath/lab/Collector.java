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

  /** Everything: sessions, daemon RIBs (stand-ins' too) and kernel FIBs of every host. */
  LabObservation collect(boolean converged, Duration elapsed) {
    return collect(converged, elapsed, true);
  }

  /**
   * {@code full} false: only what the daemons say through their sockets plus the stand-ins'
   * sessions, the cheap part polled while waiting (the stand-ins' RIBs hold only what they
   * originate, and kernel FIBs follow the daemons' RIBs; both are read once at the end).
   */
  LabObservation collect(boolean converged, Duration elapsed, boolean full) {
    List<ObservedSession> sessions = new ArrayList<>();
    List<ObservedBgpRoute> routes = new ArrayList<>();
    List<ObservedKernelRoute> kernel = new ArrayList<>();
    for (LabHost h : ctx.topology.hosts()) {
      String ns = ctx.ns(h.name());
      Path dir = ctx.hostDir(h.name());
      if (h.bird() != null) {
        sessions.addAll(BirdOutputParser.sessions(h.name(), birdc(dir, "show protocols all")));
        routes.addAll(BirdOutputParser.routes(h.name(), birdc(dir, "show route all table all")));
      }
      if (h.frr() != null) {
        sessions.addAll(FrrOutputParser.sessions(h.name(), vtysh(dir, "show bgp vrf all summary json")));
        routes.addAll(FrrOutputParser.routes(h.name(), vtysh(dir, "show bgp vrf all ipv6 unicast json")));
        routes.addAll(FrrOutputParser.routes(h.name(), vtysh(dir, "show bgp vrf all ipv4 unicast json")));
      }
      if (ctx.topology.speakers().stream().anyMatch(s -> s.host().equals(h.name()))) {
        sessions.addAll(GobgpOutputParser.sessions(h.name(), ctx.run(DaemonStarter.gobgp(ns, "neighbor", "-j"))));
        if (full) {
          routes.addAll(GobgpOutputParser.routes(h.name(), ctx.run(DaemonStarter.gobgp(ns, "global", "rib", "-a", "ipv6", "-j"))));
          routes.addAll(GobgpOutputParser.routes(h.name(), ctx.run(DaemonStarter.gobgp(ns, "global", "rib", "-a", "ipv4", "-j"))));
        }
      }
      if (!full) {
        continue;
      }
      boolean noise = ctx.options.keepNoise();
      kernel.addAll(KernelRouteParser.routes(h.name(),
          ctx.run(RunContext.ip(ns, "-j", "-6", "route", "show", "table", "all")), true, noise));
      kernel.addAll(KernelRouteParser.routes(h.name(),
          ctx.run(RunContext.ip(ns, "-j", "-4", "route", "show", "table", "all")), false, noise));
    }
    return new LabObservation(sessions, routes, kernel, converged, elapsed);
  }

  private static String birdc(Path dir, String command) {
    return DaemonSocket.bird(dir.resolve("bird.ctl"), command, RunContext.SHORT);
  }

  private static String vtysh(Path dir, String command) {
    return DaemonSocket.frr(dir.resolve("frr").resolve("bgpd.vty"), command, RunContext.SHORT);
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
