package dev.podpath.lab;

import dev.podpath.testing.SnapshotCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.analysis.Simulation;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpPrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrfFlatteningTest {

  private static final Path CLUSTER = Path.of("examples", "cluster-101");

  private static final String MINIMAL = """
      vrf blue
       vni 10
      exit-vrf
      !
      router bgp 65000
       neighbor UNDERLAY peer-group
       address-family ipv4 unicast
        import vrf blue
       exit-address-family
      exit
      !
      router bgp 65000 vrf blue
       neighbor 10.0.0.2 remote-as 65001
      exit
      """;

  @Test
  void theVrfInstanceBecomesTheDefaultInstanceLineForLine() {
    String out = VrfFlattening.frrText(MINIMAL, "blue");
    assertThat(out.lines().toList()).containsExactly(
        "!", "!", "!", "!",
        "!", "!", "!", "!", "!", "!",
        "!",
        "router bgp 65000",
        " neighbor 10.0.0.2 remote-as 65001",
        "exit");
    assertThat(out.split("\n", -1)).hasSameSizeAs(MINIMAL.split("\n", -1));
  }

  @Test
  void theSeedsPveConfigKeepsItsNeighborsAndLosesEveryVrfWord() throws Exception {
    String text = Files.readString(CLUSTER.resolve("hosts/pve01/frr.conf"));
    String out = VrfFlattening.frrText(text, "vrf_evpnz1");
    assertThat(out.split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
    assertThat(out).doesNotContain("vrf").doesNotContain("advertise-all-vni").contains("router bgp 4200001000\n")
        .contains(" neighbor fd00:101::23 remote-as 4210101023\n");
    assertThat(out.lines().filter(l -> l.startsWith("router bgp"))).containsExactly("router bgp 4200001000");
  }

  @Test
  void aDefaultInstanceThatCouldEstablishIsRefused() {
    String text = MINIMAL.replace(" neighbor UNDERLAY peer-group\n", " neighbor 192.0.2.1 remote-as 65002\n");
    assertThatThrownBy(() -> VrfFlattening.frrText(text, "blue")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 6: the default instance has neighbor 192.0.2.1, which could establish");
    String unnumbered = MINIMAL.replace(" neighbor UNDERLAY peer-group\n", " neighbor eth0 interface remote-as external\n");
    assertThatThrownBy(() -> VrfFlattening.frrText(unnumbered, "blue")).hasMessageContaining("neighbor eth0, which could establish");
    String listen = MINIMAL.replace(" neighbor UNDERLAY peer-group\n", " bgp listen range 10.0.0.0/8 peer-group X\n");
    assertThatThrownBy(() -> VrfFlattening.frrText(listen, "blue")).hasMessageContaining("dynamic neighbors");
  }

  @Test
  void otherVrfUsesAreRefused() {
    assertThatThrownBy(() -> VrfFlattening.frrText(MINIMAL + "router bgp 65000 vrf red\nexit\n", "blue"))
        .hasMessage("line 15: a BGP instance in VRF red");
    assertThatThrownBy(() -> VrfFlattening.frrText(MINIMAL + "ip route 10.9.0.0/16 blackhole vrf blue\n", "blue"))
        .hasMessage("line 15: `ip route 10.9.0.0/16 blackhole vrf blue` names a VRF");
    assertThatThrownBy(() -> VrfFlattening.frrText(MINIMAL.replace(" vni 10\n", " vni 10\n ip route 10.9.0.0/16 blackhole\n"), "blue"))
        .hasMessage("line 3: the vrf block has `ip route 10.9.0.0/16 blackhole`");
    assertThatThrownBy(() -> VrfFlattening.frrText("router bgp 65000\nexit\n", "blue"))
        .hasMessage("it has 0 `router bgp ... vrf blue` instances, not one");
  }

  @Test
  void theSeedsPveHostKeepsOnlyItsVrfSide() {
    Simulation sim = Simulation.of(CLUSTER);
    SnapshotLab.Plan plan = SnapshotLab.plan(sim);
    assertThat(plan.flattened()).singleElement().satisfies(f -> {
      assertThat(f.host()).isEqualTo("pve01");
      assertThat(f.vrf()).isEqualTo("vrf_evpnz1");
      assertThat(f.dropped()).containsExactly("vmbr0");
      assertThat(f.note()).contains("VRF vrf_evpnz1 runs as the namespace's main table", "(vmbr0) is not booted");
    });
    LabHost pve = plan.topology().host("pve01");
    assertThat(pve.interfaces()).extracting(LabInterface::name).containsExactly("vnet101", "lo");
    assertThat(pve.interfaces()).allSatisfy(i -> assertThat(i.vrf()).isNull());
    assertThat(pve.interfaces().get(1).addresses()).containsExactly(IfAddress.parse("::1/128"), IfAddress.parse("127.0.0.1/8"));
    // the VRF's unreachable defaults, now in main; the default VRF's defaults via vmbr0 are gone
    assertThat(pve.routes()).extracting(LabStaticRoute::to, LabStaticRoute::table, LabStaticRoute::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(IpPrefix.parse("::/0"), null, "unreachable"),
            org.assertj.core.groups.Tuple.tuple(IpPrefix.parse("0.0.0.0/0"), null, "unreachable"));
    assertThat(pve.frr().file()).isEqualTo("hosts/pve01/frr.conf");
    assertThat(pve.frr().text()).contains("router bgp 4200001000\n").doesNotContain(" vrf ");
    // nodes are untouched
    assertThat(plan.topology().host("solcp01").bird().text()).isEqualTo(
        sim.snapshot().daemonConfigs().stream().filter(c -> c.host().equals("solcp01")).findFirst().orElseThrow().text());
  }

  @Test
  void aPeerOnALeftOutInterfaceIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    SnapshotCopy.copy(CLUSTER, dir);
    // solcp01's bird peers pve01's vmbr0 address too: flattening would cut that session
    Path bird = dir.resolve("hosts/solcp01/bird.conf");
    Files.writeString(bird, Files.readString(bird) + """

        protocol bgp lan {
          local 2001:db8:101::11 as 4210101011;
          neighbor 2001:db8:101::2 as 4200001000;
          ipv6 { import all; export none; };
        }
        """);
    Simulation sim = Simulation.of(dir);
    assertThatThrownBy(() -> SnapshotLab.plan(sim)).isInstanceOf(LabUnavailableException.class)
        .satisfies(e -> assertThat(((LabUnavailableException) e).reasons()).anySatisfy(r -> assertThat(r).contains(
            "host pve01 puts interfaces in VRF vrf_evpnz1", "cannot be flattened",
            "solcp01's bird peers 2001:db8:101::2 on vmbr0, which is not in the VRF")));
  }
}
