package dev.podpath.analysis.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import org.junit.jupiter.api.Test;

class EditTextTest {

  private static Object value(String text) {
    return ((CiliumValue) EditText.parse(text)).value();
  }

  @Test
  void valuesAreTypedAsHelmSetTypesThem() {
    assertThat(value("cilium.bpf.masquerade=true")).isEqualTo(Boolean.TRUE);
    assertThat(value("cilium.bpf.masquerade=FALSE")).isEqualTo(Boolean.FALSE);
    assertThat(value("cilium.mtu=1450")).isEqualTo(1450L);
    assertThat(value("cilium.mtu=0")).isEqualTo(0L);
    assertThat(value("cilium.k8sServicePort=07445")).isEqualTo("07445");
    assertThat(value("cilium.bpf.mapDynamicSizeRatio=0.005")).isEqualTo("0.005");
    assertThat(value("cilium.routingMode=yes")).isEqualTo("yes");
    assertThat(value("cilium.ipv6NativeRoutingCIDR=fd00:101::/48")).isEqualTo("fd00:101::/48");
    assertThat(value("cilium.k8sServiceHost=null")).isNull();
    assertThat(value("cilium.k8sServiceHost=")).isEqualTo("");
  }

  @Test
  void pathAndTextAreKept() {
    CiliumValue v = (CiliumValue) EditText.parse("cilium.socketLB.hostNamespaceOnly=false");
    assertThat(v.path()).isEqualTo("socketLB.hostNamespaceOnly");
    assertThat(v.text()).isEqualTo("cilium.socketLB.hostNamespaceOnly=false");
    assertThat(v.origin().toString()).isEqualTo("--set cilium.socketLB.hostNamespaceOnly=false");
  }

  @Test
  void malformedEditsSayWhatIsExpected() {
    assertThatThrownBy(() -> EditText.parse("cilium.bpf.masquerade")).isInstanceOf(InputException.class)
        .hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> EditText.parse("cilium..x=1")).isInstanceOf(InputException.class)
        .hasMessageContaining("not a Helm value path");
    assertThatThrownBy(() -> EditText.parse("cilium.bpf={a,b}")).isInstanceOf(InputException.class)
        .hasMessageContaining("scalar");
    assertThatThrownBy(() -> EditText.parse("frr.pve01.x=1")).isInstanceOf(InputException.class)
        .hasMessageContaining("frr edits are not supported yet");
  }
}
