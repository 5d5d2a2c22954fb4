package dev.podpath.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

  @Test
  void formatsIpv6LikeRfc5952() {
    assertThat(IpAddr.parse("fd00:0101:0000:0000:0000:0000:0000:0011")).hasToString("fd00:101::11");
    assertThat(IpAddr.parse("::1")).hasToString("::1");
    assertThat(IpAddr.parse("::")).hasToString("::");
    assertThat(IpAddr.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
    assertThat(IpAddr.parse("2001:0:0:1:0:0:0:1")).hasToString("2001:0:0:1::1");
    assertThat(IpAddr.parse("10.101.0.21")).hasToString("10.101.0.21");
  }

  @Test
  void prefixesAreNormalisedAndContainment() {
    IpPrefix pods = IpPrefix.parse("fd00:101:224::/60");
    assertThat(pods.contains(IpPrefix.parse("fd00:101:224:1::/80"))).isTrue();
    assertThat(pods.contains(IpAddr.parse("fd00:101:225::1"))).isFalse();
    assertThat(IpPrefix.parse("fd00:101::/48").contains(IpAddr.parse("fd00:101::11"))).isTrue();
    assertThat(IpPrefix.parse("10.0.0.0/8").contains(IpAddr.parse("10.255.1.1"))).isTrue();
    assertThat(IpPrefix.parse("10.0.0.0/8").contains(IpAddr.parse("fd00::1"))).isFalse();
    assertThat(IpPrefix.parseLenient("fd00:101::21/64")).hasToString("fd00:101::/64");
  }

  @Test
  void refusesHostBitsAndGarbage() {
    assertThatThrownBy(() -> IpPrefix.parse("fd00:101::21/64")).hasMessageContaining("host bits");
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> IpAddr.parse("fd00:::1:2:3:4:5:6:7")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IfAddress.parse("fd00:101::21")).hasMessageContaining("prefix length");
    // Go's parser (Kubernetes, Cilium) refuses these; inet_aton would accept them.
    assertThatThrownBy(() -> IpAddr.parse("10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddr.parse("010.0.0.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddr.parse("0x0a.0.0.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddr.parse("fe80::1%eth0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddr.parse("10.0.0.*")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classifiesSpecialAddresses() {
    assertThat(IpAddr.parse("::1").isLoopback()).isTrue();
    assertThat(IpAddr.parse("127.0.0.1").isLoopback()).isTrue();
    assertThat(IpAddr.parse("fe80::1").isLinkLocal()).isTrue();
    assertThat(IpAddr.parse("fd00::1").isLinkLocal()).isFalse();
    assertThat(IpAddr.parse("ff02::1").isMulticast()).isTrue();
  }
}
