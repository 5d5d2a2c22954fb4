package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelRouteParserTest {

  @Test
  void dropsLocalMulticastAndLinkLocalNoise() {
    List<ObservedKernelRoute> r = KernelRouteParser.routes("r2", Samples.read("ip-6-route.json"), true, false);
    assertThat(r).extracting(x -> x.prefix().toString())
        .containsExactly("fd00:1::/64", "fd00:aa::/64", "fd00:bb::/64");
    ObservedKernelRoute bgp = r.get(1);
    assertThat(bgp.protocol()).isEqualTo("bgp");
    assertThat(bgp.metric()).isEqualTo(20L);
    assertThat(bgp.table()).isEqualTo("main");
    assertThat(bgp.type()).isEqualTo("unicast");
    assertThat(bgp.nextHops()).containsExactly(
        new ObservedKernelRoute.NextHop(IpAddr.parse("fe80::103f:a3ff:fef3:1c4b"), "eth0"));
    assertThat(r.get(2).type()).isEqualTo("blackhole");
    assertThat(r.get(2).protocol()).isEqualTo("static");
  }

  @Test
  void keepsNoiseWhenAsked() {
    List<ObservedKernelRoute> r = KernelRouteParser.routes("r2", Samples.read("ip-6-route.json"), true, true);
    assertThat(r).anySatisfy(x -> {
      assertThat(x.table()).isEqualTo("local");
      assertThat(x.prefix()).isEqualTo(IpPrefix.parse("::1/128"));
    });
  }

  @Test
  void multipathAndIpv4DefaultsWithoutMetric() {
    List<ObservedKernelRoute> r = KernelRouteParser.routes("a", Samples.read("ip-4-route-multipath.json"), false, false);
    ObservedKernelRoute mp = r.stream().filter(x -> x.prefix().equals(IpPrefix.parse("10.50.0.0/16"))).findFirst().orElseThrow();
    assertThat(mp.nextHops()).containsExactly(
        new ObservedKernelRoute.NextHop(IpAddr.parse("10.1.0.2"), "eth0"),
        new ObservedKernelRoute.NextHop(IpAddr.parse("10.1.0.3"), "eth0"));
    assertThat(mp.metric()).isNull();
    assertThat(mp.protocol()).isEqualTo("boot");
    assertThat(r).anySatisfy(x -> {
      assertThat(x.prefix()).isEqualTo(IpPrefix.parse("10.98.0.0/24"));
      assertThat(x.type()).isEqualTo("blackhole");
      assertThat(x.protocol()).isEqualTo("bird");
    });
  }

  @Test
  void otherTablesAreKeptWithTheirName() {
    List<ObservedKernelRoute> r = KernelRouteParser.routes("a", Samples.read("ip-6-route-table100.json"), true, false);
    assertThat(r).anySatisfy(x -> {
      assertThat(x.table()).isEqualTo("100");
      assertThat(x.prefix()).isEqualTo(IpPrefix.parse("fd00:77::/64"));
      assertThat(x.metric()).isEqualTo(50L);
    });
  }

  @Test
  void unreachableExportedByBird() {
    List<ObservedKernelRoute> r = KernelRouteParser.routes("a", Samples.read("ip-6-route-bird-unreachable.json"), true, false);
    assertThat(r).filteredOn(x -> x.prefix().equals(IpPrefix.parse("fd00:101:224::/80"))).singleElement()
        .satisfies(x -> {
          assertThat(x.type()).isEqualTo("unreachable");
          assertThat(x.protocol()).isEqualTo("bird");
          assertThat(x.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(null, "lo"));
        });
  }

  @Test
  void emptyIpv4Fib() {
    assertThat(KernelRouteParser.routes("a", Samples.read("ip-4-route-empty.json"), false, false)).isEmpty();
  }
}
