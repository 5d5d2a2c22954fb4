package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.DirectProtocol;
import dev.podpath.ingest.bird.KernelProtocol;
import dev.podpath.ingest.bird.Protocol;
import dev.podpath.ingest.bird.StaticProtocol;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One simulated bird2 process on one host. Built from a parsed bird.conf; if real BIRD would
 * refuse the file (a {@code bird/config-error}), the daemon does not run: no sessions, no routes,
 * one error finding naming the first offending line.
 */
public final class BirdDaemon implements RoutingDaemon {

  private final String host;
  private final BirdConfig config;
  private final List<Finding> configErrors;
  private final BirdParseResult parsed;
  private HostView view;
  private DaemonEnv env;
  private Map<String, SessionContext> sessions = new TreeMap<>();
  private final Map<String, Map<AddressFamily, List<BgpRoute>>> adjIn = new TreeMap<>();
  private TableState tables;
  private List<BirdRoute> candidates = List.of();
  private final Map<String, Map<AddressFamily, List<BgpRoute>>> adjOut = new TreeMap<>();
  private final Map<String, List<BgpSend.Offer>> sendNotes = new TreeMap<>();
  private List<KernelRoute> kernel = List.of();
  private final List<KernelSync.Offer> kernelNotes = new ArrayList<>();
  private int lastHash;
  private List<Finding> neighborFindings = List.of();
  /** Something settle() depends on changed since the last settle (inputs: view, sessions, received routes). */
  private boolean dirty = true;

  /**
   * @param host the host folder name
   * @param parsed the parse result of the host's bird.conf (its config errors decide whether BIRD runs)
   * @param view the host as the daemon sees it (the engine may replace it with {@link #hostView})
   */
  public BirdDaemon(String host, BirdParseResult parsed, HostView view) {
    this.host = host;
    this.config = parsed.config();
    this.parsed = parsed;
    this.configErrors = parsed.warnings().stream()
        .filter(f -> f.severity() == Severity.ERROR && f.code().equals(BirdParseResult.CONFIG_ERROR)).toList();
    hostView(view);
  }

  /** The engine's current view of the host (SPI default method added by the engine; no @Override on purpose). */
  public void hostView(HostView v) {
    if (v == null) {
      v = EMPTY_HOST;
    }
    this.view = v;
    this.dirty = true;
    this.env = newEnv(v, routerIdFor(v));
  }

  /** nest/config.Y + sysdep: `router id`, else `router id from`, else the lowest non-loopback IPv4 address. */
  public IpAddr routerId() {
    return env == null ? null : env.routerId;
  }

  /** The port BIRD listens on for this protocol: `local ... port N`, default 179. */
  public int listenPort(BgpNeighborConfig neighbor) {
    return BirdNeighbors.listenPort(env, neighbor.id());
  }

  /** Before the engine gives a view: no interfaces, no kernel routes. */
  private static final HostView EMPTY_HOST = new HostView() {
    @Override
    public String host() {
      return "";
    }

    @Override
    public List<HostView.Interface> interfaces() {
      return List.of();
    }

    @Override
    public List<KernelRoute> kernelRoutes() {
      return List.of();
    }

    @Override
    public Optional<HostView.Interface> connectedInterface(IpAddr a, String vrf) {
      return Optional.empty();
    }

    @Override
    public boolean isLocalAddress(IpAddr a) {
      return a.isLoopback();
    }
  };

  private DaemonEnv newEnv(HostView v, IpAddr rid) {
    DaemonEnv e = new DaemonEnv(host, config, v, rid);
    e.lines = parsed::lineText;
    return e;
  }

  private IpAddr routerIdFor(HostView v) {
    if (config.routerId() != null) {
      return config.routerId();
    }
    IpAddr best = null;
    for (HostView.Interface i : v.interfaces()) {
      if (!config.routerIdFrom().isEmpty() && !Origination.matches(config.routerIdFrom(), i)) {
        continue;
      }
      for (IfAddress a : i.addresses()) {
        if (!a.v6() && !a.address().isLoopback() && (best == null || a.address().compareTo(best) < 0)) {
          best = a.address();
        }
      }
    }
    return best;
  }

  private boolean running() {
    return configErrors.isEmpty() && env.routerId != null;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public String name() {
    return "bird";
  }

  @Override
  public List<BgpNeighborConfig> neighbors() {
    if (!running()) {
      return List.of();
    }
    DaemonEnv probe = newEnv(view, env.routerId);
    List<BgpNeighborConfig> out = BirdNeighbors.of(probe);
    neighborFindings = List.copyOf(probe.findings);
    return out;
  }

  @Override
  public void open(List<SessionContext> established) {
    sessions = new TreeMap<>();
    for (SessionContext s : established) {
      sessions.put(s.neighborId(), s);
    }
    adjIn.clear();
    adjOut.clear();
    dirty = true;
  }

  @Override
  public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {
    List<BgpRoute> copy = List.copyOf(routes);
    List<BgpRoute> before = adjIn.computeIfAbsent(session.neighborId(), k -> new TreeMap<>()).put(family, copy);
    dirty |= !copy.equals(before) || !session.equals(sessions.get(session.neighborId()));
    sessions.put(session.neighborId(), session);
  }

  @Override
  public boolean settle() {
    if (!dirty && tables != null) {
      return false;
    }
    dirty = false;
    DaemonEnv e = newEnv(view, env.routerId);
    this.env = e;
    if (!running()) {
      tables = new TableState(e, best(), Map.of());
      candidates = List.of();
      kernel = List.of();
      adjOut.clear();
      return false;
    }
    Origination orig = new Origination(e);
    List<BirdRoute> all = new ArrayList<>();
    for (Protocol p : config.protocols()) {
      if (p.disabled()) {
        continue;
      }
      if (p instanceof DirectProtocol d) {
        all.addAll(orig.direct(d));
      } else if (p instanceof StaticProtocol s) {
        all.addAll(orig.statics(s));
      } else if (p instanceof KernelProtocol k) {
        all.addAll(orig.learned(k));
      }
    }
    BgpReceive recv = new BgpReceive(e, orig);
    for (BgpProtocol b : config.protocols(BgpProtocol.class)) {
      SessionContext s = sessions.get(b.name());
      Map<AddressFamily, List<BgpRoute>> in = adjIn.get(b.name());
      if (s == null || in == null || b.disabled()) {
        continue;
      }
      for (Map.Entry<AddressFamily, List<BgpRoute>> fe : in.entrySet()) {
        Optional<Channel> ch = b.channel(fe.getKey().v6() ? "ipv6" : "ipv4");
        if (ch.isEmpty()) {
          continue;
        }
        for (BgpRoute r : fe.getValue()) {
          all.add(recv.receive(b, ch.get(), s, r));
        }
      }
    }
    candidates = all;
    TableState t = new TableState(e, best(), orig.recursiveNextHops);
    t.compute(all);
    tables = t;
    for (Map.Entry<BirdRoute, String> r : t.resolution.entrySet()) {
      if (r.getKey().dest() == BirdRoute.Dest.UNREACHABLE && r.getKey().isBgp() && r.getKey().equals(t.best(r.getKey().table(), r.getKey().prefix()))) {
        e.warn("bgp/next-hop-unresolvable", "protocol " + r.getKey().protocol() + ": " + r.getKey().prefix() + " is unreachable in "
            + r.getKey().table() + ": " + r.getValue(), config.protocol(r.getKey().protocol()).map(p -> ((BgpProtocol) p).line("neighbor"))
            .orElse(r.getKey().where()));
      }
    }
    // exports
    adjOut.clear();
    sendNotes.clear();
    BgpSend send = new BgpSend(e);
    for (BgpProtocol b : config.protocols(BgpProtocol.class)) {
      SessionContext s = sessions.get(b.name());
      if (s == null || b.disabled()) {
        continue;
      }
      for (AddressFamily f : s.families()) {
        Optional<Channel> ch = b.channel(f.v6() ? "ipv6" : "ipv4");
        if (ch.isEmpty()) {
          continue;
        }
        List<BgpSend.Offer> notes = new ArrayList<>();
        List<BgpRoute> out = new ArrayList<>(send.export(b, ch.get(), s, t, notes));
        out.sort(Comparator.comparing(BgpRoute::prefix));
        adjOut.computeIfAbsent(b.name(), k -> new TreeMap<>()).put(f, List.copyOf(out));
        sendNotes.put(b.name() + "/" + f, notes);
      }
    }
    kernelNotes.clear();
    KernelSync ks = new KernelSync(e, best());
    List<KernelRoute> k = new ArrayList<>();
    for (KernelProtocol kp : config.protocols(KernelProtocol.class)) {
      k.addAll(ks.export(kp, t, kernelNotes));
    }
    k.sort(Comparator.comparing(KernelRoute::table).thenComparing(KernelRoute::prefix));
    kernel = List.copyOf(k);
    int h = java.util.Objects.hash(adjOut, kernel);
    boolean changed = h != lastHash;
    lastHash = h;
    return changed;
  }

  private BestPath best() {
    Map<String, Integer> order = new HashMap<>();
    Map<String, Long> med = new HashMap<>();
    for (int i = 0; i < config.protocols().size(); i++) {
      Protocol p = config.protocols().get(i);
      order.put(p.name(), i);
      if (p instanceof BgpProtocol b && b.defaultMed() != null) {
        med.put(b.name(), b.defaultMed());
      }
    }
    return new BestPath(order, med);
  }

  @Override
  public List<BgpRoute> advertise(SessionContext session, AddressFamily family) {
    return adjOut.getOrDefault(session.neighborId(), Map.of()).getOrDefault(family, List.of());
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    return kernel;
  }

  /** Why a route was or was not sent on a session (for explanations). */
  public List<String> exportNotes(String neighborId, AddressFamily family) {
    return sendNotes.getOrDefault(neighborId + "/" + family, List.of()).stream().map(o -> o.prefix() + ": " + o.why()).toList();
  }

  /** Why each best route was or was not installed in the kernel. */
  public List<String> kernelNotes() {
    return kernelNotes.stream().map(o -> o.prefix() + " from " + o.protocol() + ": " + o.why()).toList();
  }

  @Override
  public List<RibEntry> rib() {
    List<RibEntry> out = new ArrayList<>();
    if (tables == null) {
      return out;
    }
    BestPath bp = best();
    tables.tables.forEach((table, byPrefix) -> byPrefix.forEach((prefix, list) -> {
      BirdRoute top = list.isEmpty() || !list.get(0).usable() ? null : list.get(0);
      for (BirdRoute r : list) {
        boolean isBest = r == top;
        String status;
        if (!r.usable()) {
          status = r.status();
        } else if (isBest) {
          status = r.dest() == BirdRoute.Dest.UNICAST ? "" : describe(r);
        } else {
          status = bp.whyLost(r, top);
        }
        String from = r.session() != null ? r.protocol() + " from " + r.session().peerAddress() : r.protocol();
        SourceRef where = r.where();
        out.add(new RibEntry(table, prefix, from, r.bgp(), isBest, status, where));
      }
    }));
    return out;
  }

  private String describe(BirdRoute r) {
    String res = tables.resolution.get(r);
    return r.dest().name().toLowerCase(java.util.Locale.ROOT) + (res == null ? "" : ": " + res);
  }

  @Override
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    if (!configErrors.isEmpty()) {
      Finding first = configErrors.get(0);
      String all = String.join("; ", configErrors.stream().map(f -> f.where() + ": " + f.message()).toList());
      out.add(Finding.error("bird/not-running", "BIRD " + config.version().label() + " refuses this configuration, so bird does not run on "
          + host + ": " + all, first.where()).onHost(host));
    } else if (env.routerId == null) {
      out.add(Finding.error("bird/not-running", "BIRD cannot determine its router ID on " + host
          + " (no `router id` and no IPv4 address): it refuses to start", SourceRef.file(config.file())).onHost(host));
    }
    // what the parser could not understand stays visible next to the daemon's verdicts (fidelity rule 2)
    parsed.warnings().stream().filter(f -> !f.code().equals(BirdParseResult.CONFIG_ERROR)).map(f -> f.onHost(host)).forEach(out::add);
    out.addAll(neighborFindings);
    out.addAll(env.findings);
    return out.stream().distinct().sorted(Finding.ORDER).toList();
  }
}
