package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabNamesTest {

  @Test
  void randomPrefixesHaveTheFormAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      LabNames n = LabNames.random();
      assertThat(n.prefix()).matches("pp[0-9a-f]{6}-");
      seen.add(n.prefix());
    }
    assertThat(seen).hasSizeGreaterThan(45);
  }

  @Test
  void namespacesCarryThePrefixAndStayUniqueAfterSanitising() {
    LabNames n = new LabNames("pp0a1b2c-");
    String a = n.hostNamespace(0, "Node One/with a very long name indeed");
    String b = n.hostNamespace(1, "node-one-with-a-very-long-name-indeed");
    assertThat(a).startsWith("pp0a1b2c-h0-node-one").hasSizeLessThanOrEqualTo(40);
    assertThat(a).isNotEqualTo(b);
    assertThat(n.owns(a)).isTrue();
    assertThat(n.owns("pp0a1b2d-h0-x")).isFalse();
    assertThat(n.switchNamespace(3, "lan101")).isEqualTo("pp0a1b2c-s3-lan101");
    assertThat(n.podNamespace(0, "kube-system/coredns-0")).isEqualTo("pp0a1b2c-p0-kube-system-coredns-0");
  }

  @Test
  void interfaceNamesFitIfnamsiz() {
    assertThat(LabNames.bridgePort(123, 45)).hasSizeLessThanOrEqualTo(15);
    assertThat(LabNames.podVeth(9999)).isEqualTo("lxc9999");
    assertThatThrownBy(() -> LabNames.requireInterfaceName("a-very-long-interface0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabNames.requireInterfaceName("eth0;reboot")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LabNames("xx0a1b2c-")).isInstanceOf(IllegalArgumentException.class);
  }
}
