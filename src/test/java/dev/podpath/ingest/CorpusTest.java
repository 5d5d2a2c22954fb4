package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.KubernetesReader;
import dev.podpath.ingest.talos.TalosFacts;
import dev.podpath.ingest.talos.TalosReader;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every YAML-shaped file of the shared corpus (real homelab configs, many still templated) goes
 * through the Kubernetes and Talos readers: either it is read, or it is refused with problems
 * that each name a file and a line. Nothing else may escape (no NPE, no Jackson exception).
 */
class CorpusTest {

  static final Path CORPUS = Path.of("..", "shared", "corpus");

  @Test
  void everyCorpusFileIsReadOrRefusedWithFileAndLine() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)(\\.j2|\\.tpl)?$")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(30);
    int bgpClusterConfigs = 0;
    int pools = 0;
    int talosLinks = 0;
    int refused = 0;
    for (Path p : files) {
      String name = CORPUS.relativize(p).toString().replace('\\', '/');
      List<YamlDocument> docs;
      String text;
      try {
        text = YamlReader.readText(p, name);
        docs = YamlReader.read(text, name);
      } catch (InputException e) {
        refused++;
        assertLocated(e.problems(), name);
        continue;
      }
      List<InputProblem> problems = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      // route each document as the loader's folders would: Talos documents to talos/, the rest to kubernetes/
      List<YamlDocument> talosDocs = docs.stream().filter(CorpusTest::talosShaped).toList();
      KubernetesReader k = new KubernetesReader(problems, findings);
      docs.stream().filter(d -> !talosShaped(d)).forEach(k::add);
      TalosReader t = new TalosReader(Set.of(), problems, findings);
      t.add(name, text, talosDocs);
      assertLocated(problems, name);
      if (problems.isEmpty()) {
        KubernetesObjects ko = k.result();
        TalosFacts tf = t.result();
        bgpClusterConfigs += ko.bgpClusterConfigs().size();
        pools += ko.lbIPPools().size();
        talosLinks += tf.links().size();
      } else {
        refused++;
      }
    }
    // the corpus has 24 CiliumBGPClusterConfig and 23 pools; most are plain YAML and must be read
    assertThat(bgpClusterConfigs).isGreaterThanOrEqualTo(15);
    assertThat(pools).isGreaterThanOrEqualTo(15);
    assertThat(talosLinks).isGreaterThan(0);
    assertThat(refused).isLessThan(files.size() / 2);
  }

  /** Talos multi-doc kinds use the bare apiVersion v1alpha1; v1alpha1 machine configs have no kind. */
  static boolean talosShaped(YamlDocument d) {
    Object api = d.get("apiVersion");
    Object version = d.get("version");
    return "v1alpha1".equals(api) || "v1alpha1".equals(version)
        || (d.get("kind") == null && (d.get("machine") != null || d.get("cluster") != null));
  }

  private static void assertLocated(List<InputProblem> problems, String file) {
    for (InputProblem p : problems) {
      assertThat(p.where().file()).as(p.toString()).isEqualTo(file);
      assertThat(p.where().line()).as(p.toString()).isPositive();
    }
  }
}
