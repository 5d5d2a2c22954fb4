package dev.podpath.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The setter path gives exactly Jackson's object whenever it takes a document. */
class SetterConversionTest {

  private static final ObjectMapper JACKSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Class<?>> TYPES = Map.of("Node", Node.class, "Service", Service.class,
      "Endpoints", Endpoints.class, "Pod", Pod.class, "Namespace", Namespace.class, "EndpointSlice", EndpointSlice.class,
      "ConfigMap", ConfigMap.class);

  record Outcome(int taken, int declined) {}

  /** Compares both paths on every built-in object of the YAML files under {@code dir}. */
  static Outcome compareUnder(Path dir) {
    int taken = 0;
    int declined = 0;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : files) {
      List<YamlDocument> docs;
      try {
        docs = YamlReader.readFile(f, f.toString());
      } catch (RuntimeException e) {
        continue; // not YAML podpath reads (templates, broken test inputs)
      }
      List<Object> objects = new ArrayList<>();
      docs.forEach(d -> collect(d.root(), objects));
      for (Object o : objects) {
        Class<?> type = TYPES.get(((Map<?, ?>) o).get("kind"));
        Object tree = FabricConversion.intsAsInts(o);
        Object viaJackson;
        try {
          viaJackson = JACKSON.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
          viaJackson = null; // a type error: the setter path must decline it
        }
        Optional<?> direct = SetterConversion.convert(tree, type);
        if (direct.isPresent()) {
          assertThat(direct.get()).as(f + ": " + ((Map<?, ?>) o).get("metadata")).isEqualTo(viaJackson);
          assertThat(direct.get().hashCode()).isEqualTo(viaJackson.hashCode());
          taken++;
        } else {
          declined++;
        }
      }
    }
    return new Outcome(taken, declined);
  }

  private static void collect(Object root, List<Object> out) {
    if (root instanceof Map<?, ?> m && m.get("kind") instanceof String kind) {
      if (TYPES.containsKey(kind)) {
        out.add(m);
      } else if (kind.endsWith("List") && m.get("items") instanceof List<?> items) {
        items.forEach(i -> collect(i, out));
      }
    }
  }

  @Test
  void sameObjectsAsJacksonOnTheExamplesAndTestSnapshots() {
    Outcome examples = compareUnder(Path.of("examples"));
    Outcome tests = compareUnder(Path.of("src", "test", "resources"));
    // the bundled example is read without Jackson (the point of the setter path: cold start)
    assertThat(compareUnder(Path.of("examples", "cluster-101")).declined()).isZero();
    assertThat(examples.taken()).isGreaterThan(20);
    assertThat(tests.taken() + tests.declined()).isGreaterThan(0);
  }

  @Test
  void sameObjectsAsJacksonOnTheCorpus() {
    Path corpus = Path.of("..", "shared", "corpus");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no ../shared/corpus");
    compareUnder(corpus);
  }

  @Test
  void leavesToJacksonWhatItWouldCoerceKeepOrReject() {
    String[] declined = {
        // an int label value: Jackson coerces it to "1"
        "{apiVersion: v1, kind: Pod, metadata: {name: p, labels: {a: 1}}}",
        // an unknown key: Jackson keeps it in additionalProperties
        "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {nodeName: n, someday: x}}",
        // a Quantity (own deserializer)
        "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, resources: {limits: {cpu: 1}}}]}}",
        // a null
        "{apiVersion: v1, kind: Node, metadata: {name: n}, spec: {podCIDR: null}}",
        // a wrong type: Jackson reports it
        "{apiVersion: v1, kind: Node, metadata: {name: n}, spec: {podCIDRs: fd00::/64}}",
    };
    for (String yaml : declined) {
      Object tree = FabricConversion.intsAsInts(YamlReader.read(yaml, "k.yaml").get(0).root());
      Class<?> type = TYPES.get(((Map<?, ?>) tree).get("kind"));
      assertThat(SetterConversion.convert(tree, type)).as(yaml).isEmpty();
    }
    Object tree = FabricConversion.intsAsInts(YamlReader.read(
        "{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ports: [{port: 80, targetPort: http}, {port: 53, targetPort: 53}]}}",
        "k.yaml").get(0).root());
    Service s = SetterConversion.convert(tree, Service.class).orElseThrow();
    assertThat(s).isEqualTo(JACKSON.convertValue(tree, Service.class));
    assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(s.getSpec().getPorts().get(1).getTargetPort().getIntVal()).isEqualTo(53);
  }
}
