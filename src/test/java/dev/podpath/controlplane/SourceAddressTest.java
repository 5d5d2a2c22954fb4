package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import dev.podpath.model.network.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mirrors `ip route get` in a namespace (lab 2026-11-26, kernel 6.18): lo fd00:fe::1/128 + v0 fd00:1::1/64. */
class SourceAddressTest {

  static final Network NET = Network.of(List.of(Hosts.host("h")
      .iface("v0", "fd00:1::1/64", "10.1.0.1/24").iface("lo", "fd00:fe::1/128", "10.255.0.1/32")
      .route("fd00:fe:1::/64", "fd00:1::2").route("10.255.9.0/24", "10.1.0.2").build()));
  static final KernelFib FIB = ControlPlane.compute(NET, List.of(), List.of()).fib("h");

  static IpAddr src(String dst) {
    return SourceAddress.select(NET, FIB, "h", null, IpAddr.parse(dst));
  }

  @Test
  void outgoingInterfaceBeatsALongerCommonPrefixOnLoopback() {
    // lab: "fd00:fe:1::5 via fd00:1::2 dev v0 src fd00:1::1" although fd00:fe::1 shares more bits (RFC 6724 rule 5 before 8)
    assertThat(src("fd00:fe:1::5")).isEqualTo(IpAddr.parse("fd00:1::1"));
    // lab: "10.255.9.5 via 10.1.0.2 dev v0 src 10.1.0.1"
    assertThat(src("10.255.9.5")).isEqualTo(IpAddr.parse("10.1.0.1"));
  }

  @Test
  void localDestinationsAreTheirOwnSource() {
    assertThat(src("fd00:fe::1")).isEqualTo(IpAddr.parse("fd00:fe::1"));
    assertThat(src("::1")).isEqualTo(IpAddr.parse("::1"));
    assertThat(src("127.0.0.1")).isEqualTo(IpAddr.parse("127.0.0.1"));
  }

  @Test
  void noRouteNoSource() {
    assertThat(src("2001:db8::1")).isNull();
  }
}
