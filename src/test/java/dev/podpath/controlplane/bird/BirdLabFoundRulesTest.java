package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.BirdDaemonTest.exchange;
import static dev.podpath.controlplane.bird.BirdDaemonTest.up1;
import static dev.podpath.controlplane.bird.BirdDaemonTest.up2;
import static dev.podpath.controlplane.bird.TestHost.daemon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** BIRD rules found by the differential lab (docs/fidelity/bird.md, "found by the lab"), one test per rule. */
class BirdLabFoundRulesTest {

  static final TestHost HOST = BirdDaemonTest.HOST;

  static BgpRoute withLinkLocal(String prefix, String nextHop, String linkLocal, long... path) {
    return new BgpRoute(IpPrefix.parse(prefix), new BgpAttributes(Origin.IGP, AsPath.of(path), IpAddr.parse(nextHop), IpAddr.parse(linkLocal),
        null, null, new TreeSet<>(), Set.of(), null, List.of()));
  }

  static final String TWO_PEERS = """
      router id 10.0.0.21;
      protocol device { }
      protocol bgp up1 {
        local as 65001;
        neighbor fd00:101::fffe as 4200001000;
        ipv6 { import all; export EXPORT; };
      }
      protocol bgp up2 {
        local as 65001;
        neighbor fd00:101::fffd as 4200001000;
        ipv6 { import all; export none; };
      }
      """;

  @Test
  void aKeptNextHopKeepsItsLinkLocalPart() {
    // BIRD 2.0.12 proto/bgp/packets.c bgp_update_next_hop_ip: when bgp_use_next_hop keeps NEXT_HOP, the attribute
    // goes out as received (global + link-local, bgp_encode_next_hop_ip writes 32 bytes); lab: seeds 49, 91, 160, 2026-11-26
    BgpRoute in = withLinkLocal("fd00:8::/64", "fd00:101::fffd", "fe80::fd", 4200001000L);
    BirdDaemon keep = exchange(daemon(TWO_PEERS.replace("EXPORT", "all; next hop keep"), HOST), List.of(), List.of(in));
    BgpRoute out = keep.advertise(up1(), AddressFamily.IPV6_UNICAST).get(0);
    assertThat(out.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::fffd"));
    assertThat(out.attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::fd"));
    // third party (both single-hop on eth0) keeps it too
    BirdDaemon third = exchange(daemon(TWO_PEERS.replace("EXPORT", "all"), HOST), List.of(), List.of(in));
    assertThat(third.advertise(up1(), AddressFamily.IPV6_UNICAST).get(0).attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::fd"));
    // filter/f-inst.c EA_SET of an IP address attribute: a next hop set by the filter is 16 bytes, no link-local part
    BirdDaemon set = exchange(daemon(TWO_PEERS.replace("EXPORT", "filter { bgp_next_hop = fd00:101::77; accept; }"), HOST), List.of(),
        List.of(in));
    BgpRoute s = set.advertise(up1(), AddressFamily.IPV6_UNICAST).get(0);
    assertThat(s.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::77"));
    assertThat(s.attributes().nextHopLinkLocal()).isNull();
    assertThat(up2().remoteAddress()).isEqualTo(IpAddr.parse("fd00:101::fffd"));
  }
}
