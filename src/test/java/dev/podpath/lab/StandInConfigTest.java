package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandInConfigTest {

  @Test
  void doesNotListenUnlessLocalPortIsSetAndRejectsLearnedPaths() {
    LabSpeaker s = new LabSpeaker("w1", 4220101000L, "10.101.0.21",
        List.of(new LabSpeakerPeer(IpAddr.parse("::1"), 4210101021L)), null, List.of(IpPrefix.parse("fd00:101:224::/80")));
    String toml = StandInConfig.toml(s, Duration.ofSeconds(5));
    assertThat(toml).contains("as = 4220101000", "router-id = \"10.101.0.21\"", "port = -1",
        "default-import-policy = \"reject-route\"", "route-type = \"local\"",
        "neighbor-address = \"::1\"", "peer-as = 4210101021", "remote-port = 179", "connect-retry = 5",
        "afi-safi-name = \"ipv4-unicast\"", "afi-safi-name = \"ipv6-unicast\"");
    assertThat(toml).doesNotContain("local-address", "ebgp-multihop");
    LabSpeaker sourced = new LabSpeaker("w1", 65000, "10.0.0.1",
        List.of(new LabSpeakerPeer(IpAddr.parse("fd00:101::fffe"), 65001, 1790, IpAddr.parse("fd00:101::21"), 2)), null, List.of());
    assertThat(StandInConfig.toml(sourced, Duration.ofSeconds(5))).contains("remote-port = 1790",
        "local-address = \"fd00:101::21\"", "[neighbors.ebgp-multihop.config]", "multihop-ttl = 2");
    LabSpeaker listening = new LabSpeaker("w1", 65000, "10.0.0.1", List.of(), 1790, List.of());
    assertThat(StandInConfig.toml(listening, Duration.ofSeconds(5))).contains("port = 1790");
  }
}
