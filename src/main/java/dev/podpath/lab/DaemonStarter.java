package dev.podpath.lab;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each host's configs into its run directory and starts its daemons inside its namespace,
 * in the foreground (so the run owns their processes), with every socket, pid file and log in the
 * run directory. User configs are written unchanged (docs/lab.md "What the lab rewrites").
 */
final class DaemonStarter {

  private static final Duration START_WAIT = Duration.ofSeconds(10);
  // lab: "bird: /tmp/x/bird.conf:3:1 syntax error, unexpected ..." from bird -p (BIRD 2.0.12).
  private static final Pattern BIRD_PARSE_ERROR = Pattern.compile(":(\\d+):(\\d+) (.*)$");

  private final RunContext ctx;

  DaemonStarter(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Writes the configs and asks bird to parse them (before any namespace exists). */
  void writeAndValidate() {
    List<InputProblem> problems = new ArrayList<>();
    for (LabHost h : ctx.topology.hosts()) {
      Path dir = ctx.hostDir(h.name());
      mkdir(dir);
      if (h.bird() != null) {
        Path conf = dir.resolve("bird.conf");
        write(conf, h.bird().text());
        CommandRunner.Result r = CommandRunner.run(
            List.of(LabPreconditions.BIRD.toString(), "-p", "-c", conf.toString()), RunContext.SHORT);
        if (!r.ok()) {
          problems.add(birdParseProblem(h.bird(), (r.err() + r.out()).strip()));
        }
      }
      if (h.frr() != null) {
        Path frrDir = dir.resolve("frr");
        mkdir(frrDir);
        write(frrDir.resolve("frr.conf"), h.frr().text());
        // FRR daemons drop to user frr and need their directory (lab-notes "FRR").
        ctx.run(List.of("chown", "-R", "frr:frr", frrDir.toString()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  static InputProblem birdParseProblem(LabConfigText config, String output) {
    String firstLine = output.lines().findFirst().orElse(output);
    Matcher m = BIRD_PARSE_ERROR.matcher(firstLine);
    if (m.find()) {
      return new InputProblem(SourceRef.of(config.file(), Integer.parseInt(m.group(1))), "bird refuses this config: " + m.group(3));
    }
    return new InputProblem(SourceRef.file(config.file()), "bird refuses this config: " + firstLine);
  }

  void startRouters() {
    for (LabHost h : ctx.topology.hosts()) {
      if (h.bird() != null) {
        startBird(h);
      }
      if (h.frr() != null) {
        startFrr(h);
      }
    }
  }

  void startStandIns() {
    for (LabSpeaker s : ctx.topology.speakers()) {
      startStandIn(s);
    }
  }

  private void startBird(LabHost h) {
    Path dir = ctx.hostDir(h.name());
    ctx.progress("starting bird on " + h.name());
    // lab-notes "BIRD": always inside the namespace; -f keeps it in the foreground (our child).
    spawn(RunContext.inNs(ctx.ns(h.name()), LabPreconditions.BIRD.toString(), "-f",
        "-c", dir.resolve("bird.conf").toString(), "-s", dir.resolve("bird.ctl").toString(),
        "-P", dir.resolve("bird.pid").toString()), dir.resolve("bird.log"));
    awaitFile(dir.resolve("bird.ctl"), "bird on " + h.name(), dir.resolve("bird.log"));
  }

  private void startFrr(LabHost h) {
    Path dir = ctx.hostDir(h.name()).resolve("frr");
    String ns = ctx.ns(h.name());
    ctx.progress("starting FRR (zebra, staticd, bgpd) on " + h.name());
    // lab-notes "FRR": per-host zserv socket, vty socket dir and pid files; no -N (it would
    // create /var/run/frr/NAME outside the run dir); logs via --log into the run dir.
    spawn(frrDaemon(ns, LabPreconditions.ZEBRA, "zebra", dir), dir.resolve("zebra.out"));
    awaitFile(dir.resolve("zserv.api"), "zebra on " + h.name(), dir.resolve("zebra.log"));
    spawn(frrDaemon(ns, LabPreconditions.STATICD, "staticd", dir), dir.resolve("staticd.out"));
    spawn(frrDaemon(ns, LabPreconditions.BGPD, "bgpd", dir), dir.resolve("bgpd.out"));
    awaitFile(dir.resolve("bgpd.vty"), "bgpd on " + h.name(), dir.resolve("bgpd.log"));
    awaitFile(dir.resolve("staticd.vty"), "staticd on " + h.name(), dir.resolve("staticd.log"));
  }

  private static List<String> frrDaemon(String ns, Path binary, String name, Path dir) {
    return RunContext.inNs(ns, binary.toString(), "-f", dir.resolve("frr.conf").toString(),
        "-i", dir.resolve(name + ".pid").toString(), "-z", dir.resolve("zserv.api").toString(),
        "--vty_socket", dir.toString(), "--log", "file:" + dir.resolve(name + ".log"),
        // No TCP vty (bgpd would listen on 2605 in the namespace); vtysh uses the unix sockets.
        "-P", "0");
  }

  private void startStandIn(LabSpeaker s) {
    Path dir = ctx.hostDir(s.host()).resolve("cilium-standin");
    mkdir(dir);
    write(dir.resolve("gobgpd.toml"), StandInConfig.toml(s, ctx.options.standInConnectRetry()));
    String ns = ctx.ns(s.host());
    ctx.progress("starting the Cilium stand-in (gobgpd) on " + s.host());
    spawn(RunContext.inNs(ns, LabPreconditions.GOBGPD.toString(), "-f", dir.resolve("gobgpd.toml").toString(),
        "-t", "toml", "--api-hosts", "127.0.0.1:" + RunContext.STANDIN_API_PORT, "--pprof-disable", "-p"),
        dir.resolve("gobgpd.log"));
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (true) {
      CommandRunner.Result r = CommandRunner.run(gobgp(ns, "global"), RunContext.SHORT);
      if (r.ok()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new LabFailedException("gobgpd on " + s.host() + " did not answer within " + START_WAIT.toSeconds()
            + " s: " + tail(dir.resolve("gobgpd.log")));
      }
      sleep(200);
    }
    for (IpPrefix p : s.originate()) {
      // cilium: locally originated paths carry ORIGIN IGP and next hop 0.0.0.0/:: (cilium-facts §4.3).
      ctx.run(gobgp(ns, "global", "rib", "add", "-a", p.v6() ? "ipv6" : "ipv4", p.toString(), "origin", "igp"));
    }
  }

  static List<String> gobgp(String ns, String... args) {
    List<String> cmd = RunContext.inNs(ns, LabPreconditions.GOBGP.toString(), "-u", "127.0.0.1", "-p",
        Integer.toString(RunContext.STANDIN_API_PORT));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private void spawn(List<String> cmd, Path log) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      ctx.processes.add(new RunContext.Started(pb.start(), String.join(" ", cmd), log));
    } catch (IOException e) {
      throw new LabFailedException("cannot start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
    }
  }

  private void awaitFile(Path file, String what, Path log) {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (!Files.exists(file)) {
      RunContext.Started dead = new ArrayList<>(ctx.processes).stream().filter(p -> !p.process().isAlive()).findFirst().orElse(null);
      if (dead != null) {
        throw new LabFailedException(dead.command() + " exited (status " + dead.process().exitValue() + "): "
            + tail(dead.log()) + " | " + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new LabFailedException(what + " did not start within " + START_WAIT.toSeconds() + " s: " + tail(log));
      }
      sleep(50);
    }
  }

  static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "(no log)";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(log unreadable)";
    }
  }

  static void mkdir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LabFailedException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LabFailedException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabFailedException("interrupted", e);
    }
  }
}
