package dev.podpath.bench;

import dev.podpath.controlplane.FakeBgpDaemon;
import dev.podpath.controlplane.Hosts;
import dev.podpath.controlplane.Nbr;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated cluster: N nodes and two upstream routers on one IPv6 L2 segment (fd00:1::/64).
 * Node i runs an eBGP daemon (AS 4200000000+i) peering both upstreams (AS 65000) and originates
 * its pod CIDR fd00:200:0:0:i::/80; the upstreams re-advertise everything to every node.
 */
public final class ClusterGenerator {

  public static final long UPSTREAM_AS = 65000;

  private ClusterGenerator() {}

  public static IpAddr nodeIp(int i) {
    return new IpAddr(true, 0xfd00000100000000L, 0x10000L + i);
  }

  public static IpPrefix podCidr(int i) {
    return new IpPrefix(new IpAddr(true, 0xfd00020000000000L, ((long) i) << 48), 80);
  }

  public static Network network(int nodes) {
    List<HostSpec> hosts = new ArrayList<>();
    hosts.add(Hosts.host("up1").iface("eth0", "fd00:1::1/64").sysctl("net.ipv6.conf.all.forwarding", "1").build());
    hosts.add(Hosts.host("up2").iface("eth0", "fd00:1::2/64").sysctl("net.ipv6.conf.all.forwarding", "1").build());
    for (int i = 0; i < nodes; i++) {
      hosts.add(Hosts.host(String.format("n%05d", i)).iface("eth0", nodeIp(i) + "/64").build());
    }
    return Network.of(hosts);
  }

  /** Fresh daemons (they are stateful): call once per computation. */
  public static List<RoutingDaemon> daemons(int nodes) {
    List<RoutingDaemon> out = new ArrayList<>();
    for (String up : List.of("up1", "up2")) {
      List<dev.podpath.controlplane.spi.BgpNeighborConfig> nb = new ArrayList<>(nodes);
      for (int i = 0; i < nodes; i++) {
        nb.add(Nbr.to("n" + i, UPSTREAM_AS, 4200000000L + i, nodeIp(i).toString()).families(AddressFamily.IPV6_UNICAST).build());
      }
      out.add(new FakeBgpDaemon(up, "frr", nb, List.of(), true));
    }
    for (int i = 0; i < nodes; i++) {
      long as = 4200000000L + i;
      out.add(new FakeBgpDaemon(String.format("n%05d", i), "bird", List.of(
          Nbr.to("up1", as, UPSTREAM_AS, "fd00:1::1").families(AddressFamily.IPV6_UNICAST).build(),
          Nbr.to("up2", as, UPSTREAM_AS, "fd00:1::2").families(AddressFamily.IPV6_UNICAST).build()),
          List.of(podCidr(i)), true));
    }
    return out;
  }
}
