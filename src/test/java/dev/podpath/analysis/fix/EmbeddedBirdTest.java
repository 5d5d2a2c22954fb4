package dev.podpath.analysis.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedBirdTest {

  static final List<String> TALOS = List.of(
      "configFiles:",
      "  - mountPath: /usr/local/etc/bird.conf",
      "    content: |",
      "      router id 10.0.0.2;",
      "",
      "      protocol bgp x {",
      "        multihop 2;",
      "      }",
      "other: 1");

  static DaemonConfigFile config(String text) {
    return new DaemonConfigFile("w2", Daemon.BIRD, "talos/w2.yaml:/usr/local/etc/bird.conf", text, SourceRef.of("talos/w2.yaml", 4));
  }

  @Test
  void aLiteralBlockIsPatchedInItsOwnLinesWithItsIndentation() {
    DaemonConfigFile f = config("router id 10.0.0.2;\n\nprotocol bgp x {\n  multihop 2;\n}\n");
    assertThat(EmbeddedBird.indentation(TALOS, f)).isEqualTo("      ");
    List<String> out = EmbeddedBird.patch(TALOS, f, "router id 10.0.0.2;\n\nprotocol bgp x {\n  multihop;\n  allow local as 1;\n}\n");
    assertThat(out).containsExactly("configFiles:", "  - mountPath: /usr/local/etc/bird.conf", "    content: |",
        "      router id 10.0.0.2;", "", "      protocol bgp x {", "        multihop;", "        allow local as 1;", "      }", "other: 1");
  }

  @Test
  void linesThatAreNotTheConfigsAreNotPatched() {
    // a folded or quoted scalar: the text's lines are not the file's lines
    assertThat(EmbeddedBird.indentation(TALOS, config("router id 10.0.0.2; protocol bgp x { multihop 2; }\n"))).isNull();
    assertThat(EmbeddedBird.indentation(TALOS, config("router id 10.0.0.9;\n"))).isNull();
  }
}
