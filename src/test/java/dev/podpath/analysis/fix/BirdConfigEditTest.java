package dev.podpath.analysis.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.analysis.whatif.BirdConfigEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

class BirdConfigEditTest {

  static final String TEXT = "a\n  ipv6 {\n    import none;\n  };\nb\n";

  @Test
  void replacesALineAndInsertsBelowABlockKeepingLineNumbersOfEarlierEdits() {
    BirdConfigEdit replace = new BirdConfigEdit("h", "hosts/h/bird.conf", 3, 3, "    import filter x;", "x");
    int end = BirdMoves.blockEnd(TEXT.split("\n", -1), 2);
    assertThat(end).isEqualTo(4);
    BirdConfigEdit insert = new BirdConfigEdit("h", "hosts/h/bird.conf", end + 1, end, "  ipv4 {\n  };", "y");
    assertThat(BirdConfigEdit.applyAll(TEXT, List.of(replace, insert)))
        .isEqualTo("a\n  ipv6 {\n    import filter x;\n  };\n  ipv4 {\n  };\nb\n");
  }

  @Test
  void aValueKeepsItsCommentColumn() {
    assertThat(Patch.replaceValue("directRoutingSkipUnreachable: false  # Install routes", "true"))
        .isEqualTo("directRoutingSkipUnreachable: true   # Install routes");
    assertThat(Patch.replaceValue("  auto-direct-node-routes: \"false\"", "\"true\"")).isEqualTo("  auto-direct-node-routes: \"true\"");
  }
}
