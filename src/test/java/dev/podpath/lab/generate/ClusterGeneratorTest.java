package dev.podpath.lab.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterGeneratorTest {

  @TempDir
  Path tmp;

  @Test
  void writesNodesHostsAndManifests() throws IOException {
    int n = 300;
    WrittenSnapshot w = TopologyGenerator.write(5, GeneratorOptions.cluster(n), tmp);
    assertThat(w.name()).isEqualTo("cluster-5");
    try (Stream<Path> hosts = Files.list(tmp.resolve("hosts"))) {
      assertThat(hosts.count()).isEqualTo(n + 2);
    }
    // snapshot.yaml, values.yaml, nodes.yaml, per node host.yaml and bird.conf, per upstream host.yaml and frr.conf
    assertThat(w.fileCount()).isEqualTo(3 + 2L * n + 4);
    YamlReader.readFile(tmp.resolve("cilium/values.yaml"), "cilium/values.yaml");
    List<YamlDocument> docs = YamlReader.readFile(tmp.resolve("kubernetes/nodes.yaml"), "kubernetes/nodes.yaml");
    assertThat(docs).hasSize(n);
    Set<IpPrefix> cidrs = new HashSet<>();
    Set<String> ips = new HashSet<>();
    for (YamlDocument d : docs) {
      assertThat(d.getString("kind")).isEqualTo("Node");
      String name = d.getString("metadata.name");
      assertThat(tmp.resolve("hosts").resolve(name).resolve("bird.conf")).exists();
      for (Object c : d.getList("spec.podCIDRs")) {
        IpPrefix p = IpPrefix.parse(c.toString());
        assertThat(p.length()).isEqualTo(p.v6() ? 80 : 24);
        assertThat(cidrs.add(p)).as("PodCIDR %s unique", p).isTrue();
        assertThat(Files.readString(tmp.resolve("hosts").resolve(name).resolve("bird.conf"))).contains("route " + p + " blackhole;");
      }
      for (Object a : d.getList("status.addresses")) {
        Map<?, ?> m = (Map<?, ?>) a;
        if (m.get("type").equals("InternalIP")) {
          assertThat(ips.add(m.get("address").toString())).isTrue();
          // The node's InternalIP is on its host.yaml interface and is a neighbor of every upstream.
          assertThat(Files.readString(tmp.resolve("hosts").resolve(name).resolve("host.yaml"))).contains(m.get("address") + "/");
          for (String up : List.of("up1", "up2")) {
            assertThat(Files.readString(tmp.resolve("hosts").resolve(up).resolve("frr.conf")))
                .contains(" neighbor " + m.get("address") + " peer-group NODES");
          }
        }
      }
    }
  }

  @Test
  void sameSeedSameBytesAndTheMemoryFormMatchesTheStreamedOne() throws IOException {
    TopologyGenerator.write(9, GeneratorOptions.cluster(40, 3), tmp.resolve("a"));
    TopologyGenerator.write(9, GeneratorOptions.cluster(40, 3), tmp.resolve("b"));
    assertThat(TopologyGeneratorTest.readTree(tmp.resolve("b"))).isEqualTo(TopologyGeneratorTest.readTree(tmp.resolve("a")));
    assertThat(TopologyGenerator.generate(9, GeneratorOptions.cluster(40, 3)).files())
        .isEqualTo(TopologyGeneratorTest.readTree(tmp.resolve("a")));
  }

  @Test
  void fiveThousandNodesAreWritten() throws IOException {
    WrittenSnapshot w = TopologyGenerator.write(1, GeneratorOptions.cluster(5000), tmp);
    assertThat(w.fileCount()).isEqualTo(3 + 2L * 5000 + 4);
    assertThat(tmp.resolve("hosts/node-5000/bird.conf")).exists();
    long peers = Files.readAllLines(tmp.resolve("hosts/up1/frr.conf")).stream().filter(l -> l.contains(" peer-group NODES")
        && !l.endsWith(" peer-group")).count();
    assertThat(peers).isEqualTo(w.features().contains("dual-stack") ? 10_000 : 5000);
  }

  @Test
  void birdParsesNodeConfigs() throws Exception {
    assumeTrue(Files.isExecutable(DaemonsAcceptGeneratedConfigsTest.BIRD), "bird2 is not installed");
    for (long seed = 1; seed <= 6; seed++) {
      Path dir = tmp.resolve("s" + seed);
      TopologyGenerator.write(seed, GeneratorOptions.cluster(3), dir);
      var r = DaemonsAcceptGeneratedConfigsTest.run(List.of(DaemonsAcceptGeneratedConfigsTest.BIRD.toString(), "-p", "-c",
          dir.resolve("hosts/node-002/bird.conf").toString()));
      assertThat(r.status()).as(r.output()).isZero();
    }
  }

  @Test
  @Tag("lab")
  void frrChecksUpstreamConfigs() throws Exception {
    assumeTrue(Files.isExecutable(DaemonsAcceptGeneratedConfigsTest.BGPD), "FRR is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "bgpd -C needs root");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (long seed = 1; seed <= 6; seed++) {
      Path dir = tmp.resolve("s" + seed);
      TopologyGenerator.write(seed, GeneratorOptions.cluster(20), dir);
      Path conf = dir.resolve("hosts/up2/frr.conf");
      for (Path p = conf.getParent(); p.startsWith(tmp); p = p.getParent()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
      var r = DaemonsAcceptGeneratedConfigsTest.run(List.of(DaemonsAcceptGeneratedConfigsTest.BGPD.toString(), "-C", "-f",
          conf.toString()));
      assertThat(r.output()).as("seed %d", seed).doesNotContain("config line", "%", "open configuration file");
    }
  }
}
