package dev.podpath.ingest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTagTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "quay.io/cilium/cilium:v1.18.6@sha256:0123|1.18.6",
      "quay.io/cilium/cilium:v1.17.4|1.17.4",
      "registry.local:5000/cilium/cilium:1.16.9|1.16.9",
      "quay.io/cilium/cilium-ci:v1.19.0-pre.1|1.19.0",
      "quay.io/cilium/cilium:v1.18|1.18",
      "quay.io/cilium/cilium:latest|none",
      "quay.io/cilium/cilium@sha256:0123|none",
      "registry.local:5000/cilium/cilium|none",
      "docker.io/library/nginx:1.27.1|none"})
  void versionComesFromACiliumImageTagOnly(String image, String version) {
    assertThat(ImageTag.version(image).orElse(null)).isEqualTo(version);
  }
}
