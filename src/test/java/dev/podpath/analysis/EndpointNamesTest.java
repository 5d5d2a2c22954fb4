package dev.podpath.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointNamesTest {

  private static final List<String> PODS = List.of("default/echo-6d8f7b9c5-x2lpq", "kube-system/coredns-76899f5fd7-6wrtg",
      "kube-system/coredns-76899f5fd7-tqml7", "kube-system/kube-apiserver-solcp01");

  @Test
  void aTypoOrAStaleHashSuggestsTheClosestNamesFirst() {
    assertThat(EndpointNames.close("kube-system/coredns-76899f5fd7-6wrtx", PODS))
        .isEqualTo("; did you mean: kube-system/coredns-76899f5fd7-6wrtg, kube-system/coredns-76899f5fd7-tqml7");
    // a pod of the same Deployment after a rollout: the stable part of the name still matches
    assertThat(EndpointNames.close("kube-system/coredns-5d78c9869d-abcde", PODS)).contains("coredns-76899f5fd7-6wrtg");
  }

  @Test
  void nothingCloseListsWhatThereIs() {
    assertThat(EndpointNames.close("monitoring/prometheus-0", PODS)).startsWith("; it has: default/echo");
    assertThat(EndpointNames.close("x", List.of())).isEqualTo(" (the snapshot has none)");
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(EndpointNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(EndpointNames.distance("", "abc")).isEqualTo(3);
    assertThat(EndpointNames.distance("same", "same")).isZero();
  }
}
