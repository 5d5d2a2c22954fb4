package dev.podpath.controlplane.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import dev.podpath.core.net.IpPrefix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential: real FRR 8.4.4 (zebra + bgpd) in namespace r1 peers with gobgpd in namespace g,
 * which announces routes with good, martian (::1) and off-link next hops. The kernel's
 * `proto bgp` routes and the prefixes r1 sends back must equal FrrDaemon's.
 */
@Tag("lab")
class FrrRoutingLabTest {

  private static final String SUFFIX = Long.toString(ProcessHandle.current().pid());
  private static final String SW = "pp-frr-sw" + SUFFIX;
  private static final String R1 = "pp-frr-r1" + SUFFIX;
  private static final String G = "pp-frr-g" + SUFFIX;

  private record Announce(String prefix, String nextHop) {}

  private static final List<Announce> V6 = List.of(
      new Announce("fd00:101:224::/64", "fd00:101::21"), new Announce("fd00:101:225::/64", "::1"), new Announce("fd00:101:226::/64", "fd00:99::1"));
  private static final List<Announce> V4 = List.of(
      new Announce("10.244.1.0/24", "10.0.0.21"), new Announce("10.244.3.0/24", "172.16.0.5"));

  @ParameterizedTest
  @ValueSource(strings = {"r1-routing.frr.conf", "r1-rfc8212.frr.conf"})
  void kernelRoutesAndAdvertisementsMatchRealFrr(String config) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/bgpd")) && Files.isExecutable(Path.of("/usr/bin/gobgpd")), "FRR or gobgpd not installed");
    Path dir = Files.createTempDirectory("pp-frr-lab");
    Path conf = Path.of("src/test/resources/frr/lab", config).toAbsolutePath();
    List<Process> started = new ArrayList<>();
    try {
      for (String n : List.of(SW, R1, G)) {
        sh("ip netns add " + n + " && ip -n " + n + " link set lo up");
      }
      for (String n : List.of(R1, G)) {
        sh("ip netns exec " + n + " sysctl -qw net.ipv6.conf.all.forwarding=1 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv4.ip_forward=1");
      }
      sh("ip -n " + SW + " link add br0 type bridge mcast_snooping 0 && ip -n " + SW + " link set br0 up");
      sh("ip -n " + SW + " link add s-r1 type veth peer name eth0 netns " + R1);
      sh("ip -n " + SW + " link add s-g type veth peer name eth0 netns " + G);
      sh("ip -n " + SW + " link set s-r1 master br0 up && ip -n " + SW + " link set s-g master br0 up");
      sh("ip -n " + R1 + " addr add 10.0.0.1/24 dev eth0 && ip -n " + R1 + " addr add fd00:101::1/64 dev eth0 nodad && ip -n " + R1 + " link set eth0 up");
      sh("ip -n " + G + " addr add 10.0.0.21/24 dev eth0 && ip -n " + G + " addr add fd00:101::21/64 dev eth0 nodad && ip -n " + G + " link set eth0 up");
      Files.copy(conf, dir.resolve("frr.conf"));
      sh("chown -R frr:frr " + dir);
      sh("ip netns exec " + R1 + " /usr/lib/frr/zebra -d -i " + dir + "/zebra.pid -z " + dir + "/zserv.api --vty_socket " + dir);
      Thread.sleep(1000);
      sh("ip netns exec " + R1 + " /usr/lib/frr/bgpd -d -f " + dir + "/frr.conf -i " + dir + "/bgpd.pid -z " + dir + "/zserv.api --vty_socket " + dir);
      Files.writeString(dir.resolve("g.toml"), """
          [global.config]
            as = 64514
            router-id = "10.0.0.21"
            port = -1
          [[neighbors]]
            [neighbors.config]
              neighbor-address = "fd00:101::1"
              peer-as = 64513
            [neighbors.transport.config]
              local-address = "fd00:101::21"
            [[neighbors.afi-safis]]
              [neighbors.afi-safis.config]
                afi-safi-name = "ipv6-unicast"
          [[neighbors]]
            [neighbors.config]
              neighbor-address = "10.0.0.1"
              peer-as = 64513
            [neighbors.transport.config]
              local-address = "10.0.0.21"
            [[neighbors.afi-safis]]
              [neighbors.afi-safis.config]
                afi-safi-name = "ipv4-unicast"
          """);
      started.add(new ProcessBuilder("ip", "netns", "exec", G, "gobgpd", "-f", dir.resolve("g.toml").toString(), "--api-hosts", "127.0.0.1:50051")
          .redirectErrorStream(true).redirectOutput(dir.resolve("gobgpd.log").toFile()).start());
      Thread.sleep(2000);
      for (Announce a : V6) {
        sh("ip netns exec " + G + " gobgp -u 127.0.0.1 -p 50051 global rib add -a ipv6 " + a.prefix() + " nexthop " + a.nextHop());
      }
      for (Announce a : V4) {
        sh("ip netns exec " + G + " gobgp -u 127.0.0.1 -p 50051 global rib add -a ipv4 " + a.prefix() + " nexthop " + a.nextHop());
      }
      String peers = "";
      for (int i = 0; i < 40 && peers.split("Establ", -1).length < 3; i++) {
        Thread.sleep(1000);
        peers = sh("ip netns exec " + G + " gobgp -u 127.0.0.1 -p 50051 neighbor");
      }
      Thread.sleep(4000);
      String real = sh("ip -n " + R1 + " route show proto bgp; ip -n " + R1 + " -6 route show proto bgp");
      String sentV6 = sh("ip netns exec " + G + " gobgp -u 127.0.0.1 -p 50051 neighbor fd00:101::1 adj-in -a ipv6");
      String sentV4 = sh("ip netns exec " + G + " gobgp -u 127.0.0.1 -p 50051 neighbor 10.0.0.1 adj-in -a ipv4");

      // podpath, same inputs
      TestHost h = new TestHost("r1").iface("eth0", null, "10.0.0.1/24", "fd00:101::1/64");
      FrrDaemon d = new FrrDaemon(FrrConfigParser.parse(Files.readString(conf), "frr.conf").config(), h);
      SessionContext s6 = FrrFixture.session(d, "fd00:101::21", "fd00:101::1", null, 64513, 64514, "10.0.0.21", "eth0", AddressFamily.IPV6_UNICAST);
      SessionContext s4 = FrrFixture.session(d, "10.0.0.21", "10.0.0.1", null, 64513, 64514, "10.0.0.21", "eth0", AddressFamily.IPV4_UNICAST);
      d.open(List.of(s6, s4));
      d.receive(s6, AddressFamily.IPV6_UNICAST, V6.stream().map(FrrRoutingLabTest::gobgp).toList());
      d.receive(s4, AddressFamily.IPV4_UNICAST, V4.stream().map(FrrRoutingLabTest::gobgp).toList());
      d.settle();

      Set<String> realRoutes = new TreeSet<>();
      for (String line : real.split("\n")) {
        String[] w = line.strip().split("\\s+");
        if (w.length > 5) {
          realRoutes.add(w[0] + " via " + w[word(w, "via") + 1] + " dev " + w[word(w, "dev") + 1] + " metric " + w[word(w, "metric") + 1]);
        }
      }
      Set<String> podpathRoutes = new TreeSet<>();
      for (KernelRoute k : d.kernelRoutes()) {
        podpathRoutes.add(k.prefix().toString().replace("/128", "") + " via " + k.nextHops().get(0).gateway() + " dev " + k.nextHops().get(0).device() + " metric " + k.metric());
      }
      assertThat(podpathRoutes).as("kernel proto bgp routes; real:\n" + real).isEqualTo(realRoutes);
      // the traditional profile's RFC 8212 blocks everything both ways (`(Policy)` in show bgp summary)
      assertThat(realRoutes.isEmpty()).isEqualTo(config.contains("rfc8212"));
      Set<String> realSent = prefixes(sentV6 + "\n" + sentV4);
      Set<String> podpathSent = new TreeSet<>();
      d.advertise(s6, AddressFamily.IPV6_UNICAST).forEach(r -> podpathSent.add(r.prefix().toString()));
      d.advertise(s4, AddressFamily.IPV4_UNICAST).forEach(r -> podpathSent.add(r.prefix().toString()));
      assertThat(podpathSent).as("sent to gobgpd; real:\n" + sentV6 + sentV4).isEqualTo(realSent);
      // bgp_update order: RFC 8212 ("inbound policy missing") comes before the martian check
      String expected = config.contains("rfc8212") ? "inbound policy missing" : "martian";
      assertThat(d.rib()).filteredOn(e -> e.prefix().toString().equals("fd00:101:225::/64")).extracting(RibEntry::status).allMatch(st -> st.startsWith(expected));
    } finally {
      for (Process p : started) {
        p.destroy();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      for (String pid : List.of("bgpd.pid", "zebra.pid")) {
        Path f = dir.resolve(pid);
        if (Files.exists(f)) {
          sh("kill " + Files.readString(f).strip());
        }
      }
      Thread.sleep(500);
      for (String n : List.of(SW, R1, G)) {
        sh("ip netns del " + n);
      }
    }
  }

  private static BgpRoute gobgp(Announce a) {
    // what gobgpd 3.10 sends for `global rib add`: ORIGIN incomplete, AS_PATH its AS, the given next hop only
    return new BgpRoute(IpPrefix.parse(a.prefix()), new BgpAttributes(Origin.INCOMPLETE, AsPath.of(64514), IpAddr.parse(a.nextHop()), null, null, null,
        new java.util.TreeSet<>(), Set.of(), null, List.of()));
  }

  private static Set<String> prefixes(String gobgpTable) {
    Set<String> out = new TreeSet<>();
    for (String line : gobgpTable.split("\n")) {
      String[] w = line.strip().split("\\s+");
      if (w.length > 2 && w[1].contains("/")) {
        out.add(IpPrefix.parse(w[1]).toString());
      }
    }
    return out;
  }

  private static int word(String[] w, String k) {
    for (int i = 0; i < w.length; i++) {
      if (w[i].equals(k)) {
        return i;
      }
    }
    return w.length - 2;
  }

  private static String sh(String cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
    return new String(out, StandardCharsets.UTF_8);
  }
}
