package dev.podpath.dataplane.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Service;
import dev.podpath.ingest.SnapshotLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints objects, headless Services, LB-IPAM requests and backends that cannot be placed. */
class ClusterInventoryEdgeTest {

  @TempDir
  static Path dir;
  static ClusterInventory inv;

  @BeforeAll
  static void load() throws IOException {
    Files.createDirectories(dir.resolve("kubernetes"));
    Files.writeString(dir.resolve("kubernetes/objects.yaml"), """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        spec: {podCIDRs: [10.1.1.0/24]}
        status:
          addresses: [{type: InternalIP, address: 192.168.0.1}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: default}
        spec:
          clusterIP: 10.96.0.20
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: legacy, namespace: default}
        subsets:
          - addresses:
              - {ip: 10.1.1.5}
              - {ip: 172.16.9.9}
            notReadyAddresses:
              - {ip: 10.1.1.6}
            ports: [{name: http, port: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: headless, namespace: default}
        spec:
          clusterIP: None
          ports: [{port: 5432}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: asks
          namespace: default
          labels: {pool: blue}
          annotations: {lbipam.cilium.io/ips: "10.200.0.7"}
        spec:
          type: LoadBalancer
          clusterIP: 10.96.0.30
          ports: [{port: 443, nodePort: 31443}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: outside, namespace: default}
        spec:
          type: LoadBalancer
          loadBalancerIP: 10.250.0.1
          ports: [{port: 443}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: pending, namespace: default}
        spec:
          type: LoadBalancer
          ports: [{port: 443}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata: {name: blue}
        spec:
          blocks: [{start: 10.200.0.5, stop: 10.200.0.9}]
          serviceSelector: {matchLabels: {pool: blue}}
        """);
    inv = ClusterInventory.of(SnapshotLoader.load(dir).kubernetes());
  }

  @Test
  void endpointsObjectGivesReadyAddressesOnly() {
    ClusterService legacy = inv.service("default", "legacy").orElseThrow();
    assertThat(legacy.endpointsKnown()).isTrue();
    // 10.1.1.5 is placed by the pod CIDR; 172.16.9.9 is on no node: left out with a warning
    assertThat(legacy.ports().get(0).backends()).singleElement().satisfies(b -> {
      assertThat(b.address()).isEqualTo(IpAddr.parse("10.1.1.5"));
      assertThat(b.node()).isEqualTo("n1");
      assertThat(b.port()).isEqualTo(8080);
      assertThat(b.hostNetwork()).isFalse();
    });
    assertThat(inv.findings()).filteredOn(f -> f.code().equals("service/backend-unlocated"))
        .singleElement().satisfies(f -> {
          assertThat(f.message()).contains("172.16.9.9");
          assertThat(f.where()).isEqualTo(SourceRef.of("kubernetes/objects.yaml", 21));
        });
  }

  @Test
  void headlessServiceHasNoClusterIp() {
    assertThat(inv.service("default", "headless").orElseThrow().clusterIps()).isEmpty();
  }

  @Test
  void requestedAddressInASelectingPoolIsTheVip() {
    ClusterService asks = inv.service("default", "asks").orElseThrow();
    assertThat(asks.loadBalancerIps()).singleElement().satisfies(a -> {
      assertThat(a.address()).isEqualTo(IpAddr.parse("10.200.0.7"));
      assertThat(a.origin()).isEqualTo("requested, in pool blue");
    });
    Service dp = ClusterInventory.toDataplane(asks, asks.ports().get(0));
    assertThat(dp.frontends()).extracting(Service.Frontend::kind).containsExactly(Service.FrontendKind.CLUSTER_IP,
        Service.FrontendKind.NODE_PORT, Service.FrontendKind.LOAD_BALANCER);
  }

  @Test
  void requestOutsideEveryPoolAndNoAddressAtAllAreSaid() {
    assertThat(inv.service("default", "outside").orElseThrow().loadBalancerIps()).isEmpty();
    assertThat(inv.service("default", "pending").orElseThrow().loadBalancerIps()).isEmpty();
    assertThat(inv.findings()).extracting(Finding::code, f -> f.message().contains("default/outside"))
        .contains(org.assertj.core.groups.Tuple.tuple("service/lb-ip-outside-pools", true),
            org.assertj.core.groups.Tuple.tuple("service/lb-ip-unknown", true));
    assertThat(inv.findings()).filteredOn(f -> f.message().contains("default/pending"))
        .extracting(Finding::code).containsExactly("service/lb-ip-unknown");
  }
}
