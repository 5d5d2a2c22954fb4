package dev.podpath.lab;

import dev.podpath.analysis.Simulation;
import dev.podpath.controlplane.DaemonRef;
import dev.podpath.controlplane.cilium.CiliumBgpSpeaker;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.host.HostSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lab topology of a simulated snapshot: every host of host.yaml with its bird.conf / frr.conf
 * text unchanged, a GoBGP stand-in per simulated Cilium BGP speaker, and a stand-in pod per
 * Kubernetes Node pod CIDR. Configs are unchanged, except on a host whose one VRF is flattened
 * ({@link VrfFlattening}: this kernel has no vrf link type).
 */
public final class SnapshotLab {

  private SnapshotLab() {}

  /**
   * What {@code podpath lab} boots for a snapshot: the topology, and the hosts whose one VRF is
   * booted as their main table ({@link VrfFlattening}; print their {@link VrfFlattening#note()}
   * and pass them to {@link LabComparison#compare(Simulation, LabObservation, List)}).
   */
  public record Plan(LabTopology topology, List<VrfFlattening> flattened) {
    public Plan {
      flattened = List.copyOf(flattened);
    }
  }

  /** {@link #plan}'s topology. */
  public static LabTopology topology(Simulation sim) {
    return plan(sim).topology();
  }

  /**
   * @throws LabUnavailableException when a host's VRF cannot be flattened (the reasons say which
   *     precondition fails), or a host runs two configs of one daemon
   */
  public static Plan plan(Simulation sim) {
    List<String> refused = new ArrayList<>();
    Map<String, LabConfigText> bird = new TreeMap<>();
    Map<String, LabConfigText> frr = new TreeMap<>();
    for (DaemonConfigFile f : sim.snapshot().daemonConfigs()) {
      Map<String, LabConfigText> m = f.daemon() == Daemon.BIRD ? bird : frr;
      if (m.put(f.host(), new LabConfigText(f.displayPath(), f.text())) != null) {
        refused.add("host " + f.host() + " has two " + f.daemon().name().toLowerCase(java.util.Locale.ROOT)
            + " configs; the lab runs one per host");
      }
    }
    if (!refused.isEmpty()) {
      throw new LabUnavailableException(refused);
    }
    List<HostSpec> hosts = List.copyOf(sim.snapshot().hosts().values());
    // lab: kernel 6.18 here answers "Unknown device type" to `ip link add X type vrf` (docs/lab.md)
    List<VrfFlattening> flattened = VrfFlattening.plan(hosts, bird, frr, sim.controlPlane().sessions());
    List<HostSpec> booted = new ArrayList<>();
    for (HostSpec h : hosts) {
      VrfFlattening f = flattened.stream().filter(x -> x.host().equals(h.name())).findFirst().orElse(null);
      if (f == null) {
        booted.add(h);
      } else {
        booted.add(f.host(h));
        LabConfigText c = frr.get(h.name());
        frr.put(h.name(), new LabConfigText(c.file(), VrfFlattening.frrText(c.text(), f.vrf())));
      }
    }
    List<LabSpeaker> speakers = new ArrayList<>();
    for (RoutingDaemon d : sim.daemons()) {
      if (d instanceof CiliumBgpSpeaker s) {
        speakers.add(speaker(s));
      }
    }
    return new Plan(LabTopology.fromHosts(booted, bird, frr, speakers, pods(sim)), flattened);
  }

  /** The GoBGP stand-in for a simulated Cilium speaker: its neighbors and what its RIB originates. */
  static LabSpeaker speaker(CiliumBgpSpeaker s) {
    List<LabSpeakerPeer> peers = new ArrayList<>();
    Integer listen = null;
    long asn = 0;
    for (BgpNeighborConfig n : s.neighbors()) {
      asn = n.localAs();
      long peerAs = n.peerAs() instanceof BgpNeighborConfig.PeerAs.Exact e ? e.asn() : n.localAs();
      int ttl = n.multihopTtl() >= 64 ? 1 : n.multihopTtl();
      peers.add(new LabSpeakerPeer(n.peerAddress(), peerAs, n.peerPort(), n.localAddress(), Math.max(1, ttl)));
      int port = s.listenPort(n);
      if (port > 0) {
        listen = port;
      }
    }
    TreeSet<IpPrefix> originate = new TreeSet<>();
    for (RibEntry e : s.rib()) {
      if (e.from().equals("local")) {
        originate.add(e.prefix());
      }
    }
    IpAddr rid = s.routerId();
    return new LabSpeaker(s.host(), asn == 0 ? 1 : asn, rid == null ? null : rid.toString(), peers, listen, List.copyOf(originate));
  }

  /** One pod per pod CIDR of each Kubernetes Node that is a host: the CIDR's second address. */
  static List<LabPod> pods(Simulation sim) {
    List<LabPod> out = new ArrayList<>();
    for (String host : sim.snapshot().hosts().keySet()) {
      var node = sim.snapshot().kubernetes().node(host);
      if (node.isEmpty() || node.get().object().getSpec() == null) {
        continue;
      }
      var spec = node.get().object().getSpec();
      List<String> cidrs = spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty() ? spec.getPodCIDRs()
          : spec.getPodCIDR() == null ? List.of() : List.of(spec.getPodCIDR());
      int k = 0;
      for (String c : cidrs) {
        IpPrefix p;
        try {
          p = IpPrefix.parse(c);
        } catch (IllegalArgumentException e) {
          continue; // the Kubernetes checks report a bad pod CIDR; the lab just has no pod there
        }
        if (p.length() >= p.network().bits() - 1) {
          continue;
        }
        out.add(new LabPod(host, "pod-" + host + (k++ == 0 ? "" : "-" + k), p, p.network().plus(2)));
      }
    }
    return out;
  }

  /** The daemon key the simulation uses for a lab daemon on a host ("HOST/bird", "HOST/frr", "HOST/cilium"). */
  static String daemonKey(String host, LabDaemon d) {
    return new DaemonRef(host, switch (d) {
      case BIRD -> "bird";
      case FRR -> "frr";
      case CILIUM_STANDIN -> CiliumBgpSpeaker.NAME;
    }).key();
  }
}
