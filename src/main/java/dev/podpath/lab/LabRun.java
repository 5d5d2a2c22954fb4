package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One boot of a topology's real daemons. {@link #start} checks the configs and the machine,
 * creates the namespaces and starts the daemons; {@link #awaitConvergence} waits for them to
 * settle and returns what they did; {@link #close} (also run on Ctrl-C by a shutdown hook) stops
 * this run's processes and deletes this run's namespaces, and nothing else.
 *
 * <pre>{@code
 * try (LabRun run = LabRun.start(topology, LabOptions.defaults(), listener)) {
 *   LabObservation seen = run.awaitConvergence();
 *   ProbeResult ping = run.probe("pod-w1", IpAddr.parse("fd00:101:224:2::10"));
 * }
 * }</pre>
 */
public final class LabRun implements AutoCloseable {

  private final RunContext ctx;
  private final Collector collector;
  private final Thread shutdownHook;
  private long daemonsStartedNanos;
  private boolean closed;

  private LabRun(RunContext ctx) {
    this.ctx = ctx;
    this.collector = new Collector(ctx);
    this.shutdownHook = new Thread(this::teardown, "podpath-lab-teardown-" + ctx.names.runId());
  }

  /**
   * Boots {@code topology}. Throws {@link dev.podpath.core.InputException} for configs the lab
   * refuses or bird cannot parse (file:line), {@link LabUnavailableException} when the machine
   * cannot run it, {@link LabFailedException} when a step fails; in every case nothing is left
   * behind.
   */
  public static LabRun start(LabTopology topology, LabOptions options, LabListener listener) {
    return start(topology, options, listener, LabNames.random());
  }

  /** As {@link #start(LabTopology, LabOptions, LabListener)} with a chosen run prefix (tests check its namespaces). */
  static LabRun start(LabTopology topology, LabOptions options, LabListener listener, LabNames names) {
    // TODO(parsers): check parse trees from ingest.bird / ingest.frr instead of tokens.
    for (LabHost h : topology.hosts()) {
      if (h.bird() != null) {
        ConfigGuard.checkBird(h.bird());
      }
      if (h.frr() != null) {
        ConfigGuard.checkFrr(h.frr());
      }
    }
    for (LabSpeaker s : topology.speakers()) {
      if (s.routerId() == null || !s.routerId().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw new IllegalArgumentException("Cilium stand-in on " + s.host() + " needs an IPv4-format router id");
      }
    }
    LabPreconditions.check(topology);
    LabRun run = new LabRun(new RunContext(topology, options, listener, names));
    Runtime.getRuntime().addShutdownHook(run.shutdownHook);
    try {
      run.boot();
    } catch (RuntimeException | Error e) {
      run.close();
      throw e;
    }
    return run;
  }

  private void boot() {
    long t0 = System.nanoTime();
    try {
      Files.createDirectory(ctx.workDir);
    } catch (IOException e) {
      throw new LabFailedException("cannot create run directory " + ctx.workDir + ": " + e.getMessage(), e);
    }
    DaemonStarter daemons = new DaemonStarter(ctx);
    daemons.writeAndValidate();
    new NetworkBuilder(ctx).build();
    daemonsStartedNanos = System.nanoTime();
    daemons.startRouters();
    daemons.startStandIns();
    ctx.progress(String.format("booted in %.1f s (run directory %s)", (System.nanoTime() - t0) / 1e9, ctx.workDir));
  }

  /** Polls in a row that must see the same state, however slow the polls are under load. */
  static final int SETTLE_POLLS = 3;
  /** How long a nudged session gets to come back (BIRD's default connect delay is 5 s). */
  static final Duration AFTER_NUDGE = Duration.ofSeconds(8);
  /** A settle state seen this many separate times means the run oscillates (a session that keeps flapping). */
  static final int OSCILLATION_VISITS = 3;
  /** The convergence timeout grows with the machine's load, at most this many times. */
  static final double MAX_LOAD_STRETCH = 3.0;

  /**
   * Polls until the run has settled, or until the convergence timeout; the result says which.
   * Settled: for the quiet period and at least {@link #SETTLE_POLLS} polls, no session went up or
   * down and no daemon RIB changed, no session is still connecting (or, after the nudge, the
   * nudged ones had {@link #AFTER_NUDGE}), and two full observations one poll apart (kernel FIBs
   * included) are equal. A session that keeps failing (down, connecting, down...) counts as down
   * and does not hold the run back; a run whose state keeps coming back to one it had
   * ({@link #OSCILLATION_VISITS} times, after {@code nudgeAfter}) oscillates and is reported as
   * not converged without waiting for the timeout. Sessions still connecting after {@code nudgeAfter} (enough for
   * every daemon's first attempts) are restarted once ({@link Collector#nudge}). The timeout
   * counts from the daemons' start and stretches with the load average per core (up to
   * {@link #MAX_LOAD_STRETCH} times): a starved machine slows every daemon's timers and polls.
   */
  public LabObservation awaitConvergence() {
    LabOptions o = ctx.options;
    Object last = null;
    long stableSince = System.nanoTime();
    int stablePolls = 0;
    long nudgedAt = 0;
    boolean nudged = false;
    Map<Object, Integer> visits = new HashMap<>();
    Object previous = null; // the last poll's state (never reset, unlike last)
    while (true) {
      LabObservation now = observe(false, false);
      Object key = settleKey(now);
      long t = System.nanoTime();
      boolean changed = !key.equals(previous);
      previous = key;
      if (changed && visits.merge(key, 1, Integer::sum) >= OSCILLATION_VISITS
          && elapsed().compareTo(o.nudgeAfter()) >= 0) {
        // A flapping session brings its routes and takes them away again and again: that is the
        // run's steady behaviour, and waiting for the timeout would not change what is reported.
        ctx.warn(String.format("not converged: the same sessions and routes came back %d times by %.0f s (oscillating);"
            + " reporting the state as it is", OSCILLATION_VISITS, elapsed().toMillis() / 1000.0));
        return observe(false, true);
      }
      if (!key.equals(last)) {
        if (last != null || stablePolls == 0) {
          ctx.progress(String.format("%.1f s: %d of %d sessions up, %d daemon routes", elapsed().toMillis() / 1000.0,
              now.sessions().stream().filter(ObservedSession::established).count(), now.sessions().size(), now.bgpRoutes().size()));
        }
        last = key;
        stableSince = t;
        stablePolls = 0;
      } else {
        stablePolls++;
      }
      if (t - stableSince >= o.quietPeriod().toNanos() && stablePolls >= SETTLE_POLLS) {
        List<ObservedSession> moving = now.sessions().stream()
            .filter(s -> s.state().transitional() && !s.rangeTemplate()).toList();
        if (moving.isEmpty() || (nudged && t - nudgedAt >= Math.max(AFTER_NUDGE.toNanos(), o.quietPeriod().toNanos()))) {
          LabObservation first = observe(false, true);
          DaemonStarter.sleep(o.pollInterval().toMillis());
          LabObservation second = observe(true, true);
          if (first.withoutTiming().equals(second.withoutTiming()) && settleKey(second).equals(key)) {
            ctx.progress(String.format("converged after %.1f s", second.elapsed().toMillis() / 1000.0));
            return second;
          }
          ctx.progress(String.format("%.1f s: %s still changing", elapsed().toMillis() / 1000.0,
              settleKey(second).equals(key) ? "kernel routes" : "sessions or daemon routes"));
          last = null;
        } else if (!nudged && elapsed().compareTo(o.nudgeAfter()) >= 0) {
          collector.nudge(moving);
          nudged = true;
          nudgedAt = System.nanoTime();
          last = null;
        }
      }
      double stretch = loadStretch();
      if (elapsed().toNanos() > o.convergenceTimeout().toNanos() * stretch) {
        ctx.warn(String.format("not converged after %.0f s (timeout %d s x %.1f for the load); reporting the state as it is",
            elapsed().toMillis() / 1000.0, o.convergenceTimeout().toSeconds(), stretch));
        return observe(false, true);
      }
      DaemonStarter.sleep(o.pollInterval().toMillis());
    }
  }

  /**
   * What must stay unchanged to call the run settled: each session up or not (not its exact
   * FSM state, which a failing session keeps cycling through) and every daemon RIB.
   */
  static Object settleKey(LabObservation o) {
    List<String> sessions = o.sessions().stream()
        .map(s -> s.host() + "|" + s.daemon() + "|" + s.vrf() + "|" + s.name() + "|" + s.established())
        .sorted().toList();
    // The stand-ins' RIBs are read only in full observations (they hold what they originate).
    return List.of(sessions, o.bgpRoutes().stream().filter(r -> r.daemon() != LabDaemon.CILIUM_STANDIN).toList());
  }

  /** Load average per core, between 1 and {@link #MAX_LOAD_STRETCH}; 1 when unknown. */
  static double loadStretch() {
    try {
      String first = Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
      double perCore = Double.parseDouble(first) / Runtime.getRuntime().availableProcessors();
      return Math.max(1.0, Math.min(MAX_LOAD_STRETCH, perCore));
    } catch (IOException | RuntimeException e) {
      return 1.0;
    }
  }

  /** What the daemons and kernels hold right now (not waiting for convergence). */
  public LabObservation observe() {
    return observe(false, true);
  }

  private LabObservation observe(boolean converged, boolean full) {
    requireOpen();
    try {
      return collector.collect(converged, elapsed(), full);
    } catch (LabFailedException e) {
      // A query failing usually means its daemon died: say which one, with its command line.
      for (RunContext.Started p : new ArrayList<>(ctx.processes)) {
        if (!p.process().isAlive()) {
          throw new LabFailedException("daemon exited (status " + p.process().exitValue() + "): " + p.command()
              + ": " + DaemonStarter.tail(p.log()), e);
        }
      }
      throw e;
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - daemonsStartedNanos);
  }

  /**
   * Pings {@code target} once from the namespace of stand-in pod {@code from} (or of host
   * {@code from}), waiting at most the probe timeout.
   */
  public ProbeResult probe(String from, IpAddr target) {
    requireOpen();
    String ns = ctx.podNamespace.containsKey(from) ? ctx.podNamespace.get(from) : ctx.ns(from);
    long wait = Math.max(1, ctx.options.probeTimeout().toSeconds());
    CommandRunner.Result r = CommandRunner.run(RunContext.inNs(ns, LabPreconditions.PING.toString(),
        target.v6() ? "-6" : "-4", "-n", "-c", "1", "-W", Long.toString(wait), target.toString()),
        Duration.ofSeconds(wait + 5));
    String detail = Stream.of(r.out(), r.err()).flatMap(String::lines)
        .filter(l -> l.contains("packet") || l.contains("Unreachable") || l.contains("unreachable") || l.contains("connect:"))
        .findFirst().orElse("").strip();
    return new ProbeResult(from, target, r.ok(), detail);
  }

  /** This run's namespaces (host, switch and pod), e.g. to check that teardown removed them. */
  public List<String> namespaces() {
    return List.copyOf(ctx.namespaces);
  }

  /** The namespace prefix, e.g. {@code pp1a2b3c-}. */
  public String prefix() {
    return ctx.names.prefix();
  }

  public Path workDir() {
    return ctx.workDir;
  }

  /** Things the run did not do as asked (sysctls it would not apply, restarts that failed...). */
  public List<String> warnings() {
    return List.copyOf(ctx.warnings);
  }

  private synchronized void requireOpen() {
    if (closed) {
      throw new IllegalStateException("lab run " + ctx.names.runId() + " is closed");
    }
  }

  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs teardown, which is idempotent.
    }
  }

  private synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    ctx.progress("tearing down " + ctx.names.prefix() + "*");
    List<String> nss = new ArrayList<>(ctx.namespaces);
    // Our own children first (by PID), then anything else still inside our namespaces.
    List<Process> started = new ArrayList<>(ctx.processes).stream().map(RunContext.Started::process).toList();
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    for (String signal : List.of("-TERM", "-KILL")) {
      boolean any = false;
      for (String ns : nss) {
        for (String pid : pidsIn(ns)) {
          any = true;
          CommandRunner.run(List.of("kill", signal, pid), RunContext.SHORT);
        }
      }
      if (!any) {
        break;
      }
      DaemonStarter.sleep(500);
    }
    for (int i = nss.size() - 1; i >= 0; i--) {
      String ns = nss.get(i);
      if (!ctx.names.owns(ns)) {
        continue;
      }
      CommandRunner.Result r = CommandRunner.run(List.of(LabPreconditions.IP.toString(), "netns", "del", ns), RunContext.SHORT);
      if (!r.ok()) {
        ctx.warn("could not delete namespace " + ns + ": " + r.err().strip());
      }
    }
    if (!ctx.options.keepWorkDir()) {
      deleteTree(ctx.workDir);
    } else {
      ctx.progress("kept run directory " + ctx.workDir);
    }
  }

  private List<String> pidsIn(String ns) {
    try {
      CommandRunner.Result r = CommandRunner.run(List.of(LabPreconditions.IP.toString(), "netns", "pids", ns), RunContext.SHORT);
      return r.ok() ? r.out().lines().map(String::strip).filter(s -> s.matches("\\d+")).toList() : List.of();
    } catch (LabFailedException e) {
      return List.of();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leaving files in /tmp is harmless; leaving namespaces would not be, and they are gone.
    }
  }
}
