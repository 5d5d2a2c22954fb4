package dev.podpath.ingest.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostReaderTest {

  final List<Finding> findings = new ArrayList<>();

  HostSpec read(String yaml) {
    return HostReader.readAll("pve01", YamlReader.read(yaml, "hosts/pve01/host.yaml"), findings);
  }

  List<String> problems(String yaml) {
    InputException e = catchThrowableOfType(InputException.class, () -> read(yaml));
    assertThat(e).isNotNull();
    return e.problems().stream().map(InputProblem::toString).toList();
  }

  @Test
  void everyKeyOfTheSchema() {
    HostSpec h = read("""
        name: pve01
        interfaces:
          - name: vmbr0
            addresses: [fd00:101::fffe/64, 10.101.0.1/24]
            segment: lan101
            vrf: vrf_evpnz1
            mtu: 1450
          - name: lo
            addresses: ["fd00:101:fe::1/128"]
        routes:
          - to: ::/0
            via: 2001:db8:101::1
          - to: 10.0.0.0/8
            dev: vmbr0
            table: 100
            metric: 4278198272
          - to: 0.0.0.0/0
            type: unreachable
            table: vrf_evpnz1
          - to: 10.9.0.0/16
            via: fe80::1
        sysctl:
          net.ipv6.conf.all.forwarding: 1
          net.ipv4.conf.all.rp_filter: 2
        """);
    assertThat(h.name()).isEqualTo("pve01");
    InterfaceSpec vmbr0 = h.interfaces().get(0);
    assertThat(vmbr0.addresses()).extracting(a -> a.address().toString())
        .containsExactly("fd00:101::fffe/64", "10.101.0.1/24");
    assertThat(vmbr0.addresses().get(1).where()).isEqualTo(SourceRef.of("hosts/pve01/host.yaml", 4));
    assertThat(vmbr0.segment()).isEqualTo("lan101");
    assertThat(vmbr0.vrf()).isEqualTo("vrf_evpnz1");
    assertThat(vmbr0.mtu()).isEqualTo(1450);
    assertThat(h.interfaces().get(1).segment()).isNull();
    RouteSpec r0 = h.routes().get(0);
    assertThat(r0.to()).hasToString("::/0");
    assertThat(r0.via()).hasToString("2001:db8:101::1");
    assertThat(r0.table()).isEqualTo("main");
    assertThat(r0.metric()).isNull();
    assertThat(r0.type()).isEqualTo("unicast");
    assertThat(r0.where()).isEqualTo(SourceRef.of("hosts/pve01/host.yaml", 11));
    assertThat(h.routes().get(1).table()).isEqualTo("100");
    assertThat(h.routes().get(1).metric()).as("u32 metric kept whole").isEqualTo(4278198272L);
    assertThat(h.routes().get(2).type()).isEqualTo("unreachable");
    assertThat(h.routes().get(3).via().v6()).as("IPv4 route via IPv6 gateway (RFC 5549)").isTrue();
    assertThat(h.sysctl()).containsEntry("net.ipv4.conf.all.rp_filter", "2");
    assertThat(findings).isEmpty();
  }

  @Test
  void unknownKeysAndDevicesAreWarnings() {
    read("""
        name: pve01
        interfaces:
          - name: eth0
            adresses: [10.0.0.1/24]
        routes:
          - to: 10.1.0.0/16
            dev: cilium_host
        """);
    assertThat(findings).extracting(Finding::code, f -> f.where().line()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("input/unknown-key", 4),
        org.assertj.core.groups.Tuple.tuple("input/unknown-device", 7));
  }

  @Test
  void invalidRoutesAndInterfaces() {
    assertThat(problems("""
        name: pve01
        interfaces:
          - name: eth0
            addresses: [10.0.0.1/33]
          - name: eth0
        routes:
          - to: default
            via: 10.0.0.1
          - to: 10.1.0.1/16
            via: 10.0.0.1
          - to: 10.2.0.0/16
          - to: fd00::/64
            via: 10.0.0.1
          - to: 10.3.0.0/16
            type: blackhole
            via: 10.0.0.1
          - to: 10.4.0.0/16
            type: local
            dev: eth0
          - to: 10.5.0.0/16
            dev: eth0
            metric: -1
        sysctl: [a]
        """)).containsExactly(
        "hosts/pve01/host.yaml:4: 'interfaces[0].addresses[0]': invalid interface address: '10.0.0.1/33': prefix length out of range",
        "hosts/pve01/host.yaml:5: interface eth0 is listed twice (first at hosts/pve01/host.yaml:3)",
        "hosts/pve01/host.yaml:7: write the default route as ::/0 or 0.0.0.0/0 (the family must be explicit)",
        "hosts/pve01/host.yaml:9: 'routes[1].to': invalid CIDR: '10.1.0.1/16' has host bits set (did you mean 10.1.0.0/16?)",
        "hosts/pve01/host.yaml:11: a unicast route needs via or dev",
        "hosts/pve01/host.yaml:13: an IPv6 route cannot have the IPv4 gateway 10.0.0.1",
        "hosts/pve01/host.yaml:14: a blackhole route takes no via or dev",
        "hosts/pve01/host.yaml:18: route type 'local' is not one of [blackhole, prohibit, unicast, unreachable]",
        "hosts/pve01/host.yaml:22: 'routes[6].metric' is out of range (0..4294967295): -1",
        "hosts/pve01/host.yaml:23: 'sysctl' must be a mapping, got a list");
  }

  @Test
  void hostYamlMustBeOneMapping() {
    assertThat(problems("name: pve01\n---\nname: again\n"))
        .containsExactly("hosts/pve01/host.yaml:3: host.yaml must be exactly one YAML mapping (name, interfaces, routes, sysctl)");
    assertThat(problems("- a\n")).singleElement().asString().startsWith("hosts/pve01/host.yaml:1: host.yaml must be");
  }
}
