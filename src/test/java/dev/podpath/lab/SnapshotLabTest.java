package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.analysis.Simulation;
import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig;
import dev.podpath.controlplane.cilium.CiliumBgpSpeaker;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.lab.generate.GeneratorOptions;
import dev.podpath.lab.generate.TopologyGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLabTest {

  @Test
  void aGeneratedSnapshotBecomesHostsWithTheirConfigsUnchanged(@TempDir Path dir) throws Exception {
    var generated = TopologyGenerator.generate(3, GeneratorOptions.defaults());
    generated.writeTo(dir);
    LabTopology t = SnapshotLab.topology(Simulation.of(dir));
    assertThat(t.hosts()).extracting(LabHost::name).containsExactly("r1", "r2", "r3", "r4", "r5", "r6");
    LabHost r2 = t.host("r2");
    assertThat(r2.bird().file()).isEqualTo("hosts/r2/bird.conf");
    assertThat(r2.bird().text()).isEqualTo(generated.files().get("hosts/r2/bird.conf"));
    assertThat(r2.frr()).isNull();
    assertThat(t.host("r1").frr().text()).isEqualTo(generated.files().get("hosts/r1/frr.conf"));
    // no Kubernetes nodes and no Cilium speakers in a random topology
    assertThat(t.speakers()).isEmpty();
    assertThat(t.pods()).isEmpty();
  }

  @Test
  void aCiliumSpeakerBecomesAStandInWithItsPeersAndOriginations() {
    IpPrefix pod = IpPrefix.parse("fd00:101:224::/80");
    IpPrefix vip = IpPrefix.parse("fd00:101:1b::10/128");
    SourceRef w = SourceRef.of("kubernetes/cilium-bgp.yaml", 1);
    var adv = new CiliumBgpNodeConfig.Advertisement("pods", CiliumBgpNodeConfig.AdvertisementType.POD_CIDR, List.of(pod, vip),
        new TreeSet<>(), null, w);
    var peer = new CiliumBgpNodeConfig.Peer("bird", IpAddr.parse("::1"), 4210101011L, 179, null, 2, null,
        List.of(new CiliumBgpNodeConfig.Family(AddressFamily.IPV6_UNICAST, List.of(adv))), w);
    var inst = new CiliumBgpNodeConfig.Instance("i", 4220101000L, null, IpAddr.parse("10.101.1.11"), List.of(peer), w);
    LabSpeaker s = SnapshotLab.speaker(new CiliumBgpSpeaker(new CiliumBgpNodeConfig("solcp01", List.of(inst), w)));
    assertThat(s.host()).isEqualTo("solcp01");
    assertThat(s.localAsn()).isEqualTo(4220101000L);
    assertThat(s.routerId()).isEqualTo("10.101.1.11");
    assertThat(s.listenPort()).isNull();
    assertThat(s.originate()).containsExactly(vip, pod);
    assertThat(s.peers()).singleElement().satisfies(p -> {
      assertThat(p.address()).isEqualTo(IpAddr.parse("::1"));
      assertThat(p.asn()).isEqualTo(4210101011L);
      assertThat(p.ebgpMultihopTtl()).isEqualTo(2);
    });
  }
}
