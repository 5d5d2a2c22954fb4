package dev.podpath.ingest.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void recordsTheLineOfEveryKeyAndItem() {
    String text = """
        # comment
        routingMode: native
        bpf:
          masquerade: false
        peers:
          - name: a
          - name: b
        """;
    YamlDocument doc = YamlReader.read(text, "values.yaml").get(0);
    assertThat(doc.lineOf("routingMode")).isEqualTo(2);
    assertThat(doc.lineOf("bpf.masquerade")).isEqualTo(4);
    assertThat(doc.lineOf("peers[1].name")).isEqualTo(7);
    assertThat(doc.lineOf("bpf.notThere")).isEqualTo(3);
    assertThat(doc.get("bpf.masquerade")).isEqualTo(false);
    assertThat(doc.get("routingMode")).isEqualTo("native");
  }

  @Test
  void splitsMultiDocumentStreamsWithTheirStartLines() {
    List<YamlDocument> docs = YamlReader.read("a: 1\n---\nb: 2\n---\n", "f.yaml");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(1).get("b")).isEqualTo(2L);
    assertThat(docs.get(1).lineOf("b")).isEqualTo(3);
  }

  @Test
  void readsJsonToo() {
    YamlDocument doc = YamlReader.read("{\"kind\": \"List\", \"items\": [1, 2]}", "f.json").get(0);
    assertThat(List.<Object>copyOf(doc.getList("items"))).containsExactly(1L, 2L);
  }

  @Test
  void malformedYamlIsAnInputErrorWithTheLine() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.yaml:");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\na: 2\n", "dup.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("dup.yaml:");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> YamlReader.read(sb.toString(), "bomb.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bomb.yaml");
  }
}
