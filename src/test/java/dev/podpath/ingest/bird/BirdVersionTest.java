package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BirdVersionTest {

  @Test
  void picksTheNewestModelledReleaseNotNewerThanTheOneNamed() {
    assertThat(BirdVersion.nearest("2.0.12")).isEqualTo(BirdVersion.V2_0_12);
    assertThat(BirdVersion.nearest("2.0.8")).isEqualTo(BirdVersion.V2_0_12);
    assertThat(BirdVersion.nearest("2.16.1")).isEqualTo(BirdVersion.V2_15);
    assertThat(BirdVersion.nearest("v2.17.1")).isEqualTo(BirdVersion.V2_17);
    assertThat(BirdVersion.nearest("2.18")).isEqualTo(BirdVersion.V2_18);
    assertThat(BirdVersion.nearest("3.0")).isNull();
  }
}
