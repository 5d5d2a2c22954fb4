package dev.podpath.ingest.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TalosReaderTest {

  final List<Finding> findings = new ArrayList<>();

  TalosFacts read(String file, String yaml, Set<String> hosts) {
    return TalosReader.readAll(file, yaml, YamlReader.read(yaml, file), hosts, findings);
  }

  @Test
  void v1alpha1InterfacesVlansAndRoutesAttributedByFileName() {
    TalosFacts t = read("talos/cp1.yaml", """
        version: v1alpha1
        machine:
          network:
            interfaces:
              - deviceSelector: {hardwareAddr: "bc:24:11:*"}
                addresses: [10.101.0.11/24]
                routes:
                  - network: 0.0.0.0/0
                    gateway: 10.101.0.1
                  - network: 10.99.0.0/16
                    gateway: ""
                vlans:
                  - vlanId: 20
                    addresses: ["fd00:101::11/64"]
              - interface: eth1
                mtu: 1450
          features:
            kubePrism: {enabled: true, port: 7445}
        cluster:
          network:
            cni: {name: none}
            podSubnets: [fd00:101:224::/60]
            serviceSubnets: [fd00:101:96::/108]
          proxy: {disabled: true}
        """, Set.of("cp1"));
    TalosMachineConfig mc = t.machineConfigs().get(0);
    assertThat(mc.cniName()).isEqualTo("none");
    assertThat(mc.proxyDisabled()).isTrue();
    assertThat(mc.kubePrismEnabled()).isTrue();
    assertThat(mc.kubePrismPort()).isEqualTo(7445);
    assertThat(t.links()).hasSize(3).allMatch(l -> "cp1".equals(l.host()));
    TalosLink first = t.links().get(0);
    assertThat(first.name()).isNull();
    assertThat(first.deviceSelector()).containsEntry("hardwareAddr", "bc:24:11:*");
    assertThat(first.routes().get(0).gateway()).hasToString("10.101.0.1");
    assertThat(first.routes().get(1).gateway()).as("empty gateway = link scope").isNull();
    assertThat(first.routes().get(1).where()).isEqualTo(SourceRef.of("talos/cp1.yaml", 10));
    assertThat(t.links().get(1).vlanId()).isEqualTo(20);
    assertThat(t.links().get(2).name()).isEqualTo("eth1");
    assertThat(t.links().get(2).mtu()).isEqualTo(1450);
    assertThat(t.podSubnets()).hasToString("[fd00:101:224::/60]");
    assertThat(findings).isEmpty();
  }

  @Test
  void multiDocLinksAttributedByHostnameConfig() {
    TalosFacts t = read("talos/nodes/exarch-01.yaml", """
        apiVersion: v1alpha1
        kind: HostnameConfig
        hostname: exarch-01
        ---
        apiVersion: v1alpha1
        kind: BondConfig
        name: bond0
        links: [enp2s0f0np0, enp2s0f1np1]
        mtu: 9000
        addresses:
          - address: 10.10.0.101/24
        routes:
          - gateway: 10.10.0.1
        ---
        apiVersion: v1alpha1
        kind: WatchdogTimerConfig
        device: /dev/watchdog0
        """, Set.of());
    TalosLink bond = t.links().get(0);
    assertThat(bond.host()).isEqualTo("exarch-01");
    assertThat(bond.source()).isEqualTo("BondConfig");
    assertThat(bond.addresses().get(0).where()).isEqualTo(SourceRef.of("talos/nodes/exarch-01.yaml", 11));
    assertThat(bond.routes().get(0).network()).hasToString("0.0.0.0/0");
    assertThat(findings).extracting(Finding::code).containsExactly("input/unknown-kind");
  }

  @Test
  void unattributedLinksAreAWarningButSubnetsCount() {
    TalosFacts t = read("talos/controlplane.yaml", """
        machine:
          network:
            interfaces:
              - interface: eth0
                addresses: [10.0.0.5/24]
        cluster:
          network:
            podSubnets: [10.244.0.0/16]
        """, Set.of("w1"));
    assertThat(t.links().get(0).host()).isNull();
    assertThat(t.podSubnets()).hasToString("[10.244.0.0/16]");
    assertThat(findings).extracting(Finding::code).containsExactly("talos/unattributed");
  }

  @Test
  void fileNameWinsOverADifferentHostname() {
    TalosFacts t = read("talos/w1.yaml", "machine:\n  network:\n    hostname: other\n", Set.of("w1"));
    assertThat(t.machineConfigs().get(0).host()).isEqualTo("w1");
    assertThat(findings).extracting(Finding::code, f -> f.where().line())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("talos/hostname-mismatch", 3));
  }

  @Test
  void extensionServiceContentLinesMapToTheTalosFile() {
    String yaml = """
        apiVersion: v1alpha1
        kind: ExtensionServiceConfig
        name: bird2
        configFiles:
          - content: |
              log stderr all;

              router id 10.0.0.1;
            mountPath: /usr/local/etc/bird.conf
          - mountPath: /etc/x.conf
            content: "a\\nb"
        environment: [TZ=UTC]
        """;
    TalosExtensionService s = read("talos/w1.yaml", yaml, Set.of("w1")).extensionServices().get(0);
    TalosExtensionService.ConfigFile bird = s.configFiles().get(0);
    assertThat(bird.contentStart()).isEqualTo(SourceRef.of("talos/w1.yaml", 6));
    assertThat(bird.exactLines()).isTrue();
    // content line 3 ("router id") is file line 6 + 3 - 1 = 8
    assertThat(yaml.split("\n")[8 - 1].strip()).isEqualTo(bird.content().split("\n")[2]);
    TalosExtensionService.ConfigFile quoted = s.configFiles().get(1);
    assertThat(quoted.exactLines()).isFalse();
    assertThat(quoted.contentStart().line()).isEqualTo(11);
  }

  @Test
  void extensionServiceValidationMirrorsTalos() {
    InputException e = catchThrowableOfType(InputException.class, () -> read("talos/w1.yaml", """
        apiVersion: v1alpha1
        kind: ExtensionServiceConfig
        configFiles:
          - mountPath: /usr/local/etc/bird.conf
        """, Set.of("w1")));
    assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
        "talos/w1.yaml:1: 'name' is required",
        "talos/w1.yaml:4: 'configFiles[0].content' is required");
  }

  @Test
  void templatedValuesAreRefusedCleanly() {
    InputException e = catchThrowableOfType(InputException.class, () -> read("talos/t.yaml", """
        cluster:
          network:
            podSubnets: ["${CLUSTER_CIDR}"]
            serviceSubnets: ["${SVC}/12"]
        """, Set.of()));
    assertThat(e.problems()).extracting(InputProblem::toString).containsExactly(
        "talos/t.yaml:3: 'cluster.network.podSubnets[0]': invalid CIDR: '${CLUSTER_CIDR}' is an unresolved"
            + " template placeholder; give podpath the rendered file",
        "talos/t.yaml:4: 'cluster.network.serviceSubnets[0]': invalid CIDR: '${SVC}/12' is an unresolved"
            + " template placeholder; give podpath the rendered file");
  }
}
