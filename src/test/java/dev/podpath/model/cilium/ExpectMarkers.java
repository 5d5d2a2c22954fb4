package dev.podpath.model.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test inputs carry their expectations inline: {@code # EXPECT: cilium/some-code} on the line a
 * finding must point at (several codes separated by commas). Error Prone's style, for YAML.
 */
final class ExpectMarkers {

  private static final Pattern MARKER = Pattern.compile("#\\s*EXPECT:\\s*(.+)$");

  private ExpectMarkers() {}

  /** "file:line code" for every marker in a text. */
  static Set<String> markers(String text, String file) {
    Set<String> out = new TreeSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        for (String code : m.group(1).split(",")) {
          out.add(file + ":" + (i + 1) + " " + code.strip());
        }
      }
    }
    return out;
  }

  static Set<String> actual(List<Finding> findings) {
    Set<String> out = new TreeSet<>();
    for (Finding f : findings) {
      out.add(f.where() + " " + f.code());
    }
    return out;
  }

  static AgentStartupResult evaluateValues(String values, CiliumVersion version) {
    CiliumConfig config = CiliumConfigReader.read(YamlReader.read(values, CiliumConfigReader.VALUES_FILE), null, version);
    return AgentStartup.evaluate(config);
  }

  static AgentStartupResult evaluate(String values, String configMap, CiliumVersion version) {
    CiliumConfig config = CiliumConfigReader.read(
        values == null ? null : YamlReader.read(values, CiliumConfigReader.VALUES_FILE),
        configMap == null ? null : YamlReader.read(configMap, CiliumConfigReader.CONFIGMAP_FILE), version);
    return AgentStartup.evaluate(config);
  }

  /** The findings with this code land exactly on the lines marked with it (none when unmarked). */
  static AgentStartupResult assertRule(String code, String values) {
    return assertRule(code, values, CiliumVersion.DEFAULT);
  }

  static AgentStartupResult assertRule(String code, String values, CiliumVersion version) {
    AgentStartupResult r = evaluateValues(values, version);
    assertThat(only(code, actual(r.findings())))
        .as("findings %s for values:%n%s", code, values)
        .isEqualTo(only(code, markers(values, CiliumConfigReader.VALUES_FILE)));
    return r;
  }

  /** Every finding is marked and every marker is found, across both files. */
  static void assertAll(AgentStartupResult r, String values, String configMap) {
    Set<String> expected = new TreeSet<>();
    if (values != null) {
      expected.addAll(markers(values, CiliumConfigReader.VALUES_FILE));
    }
    if (configMap != null) {
      expected.addAll(markers(configMap, CiliumConfigReader.CONFIGMAP_FILE));
    }
    assertThat(actual(r.findings())).isEqualTo(expected);
  }

  private static Set<String> only(String code, Set<String> entries) {
    Set<String> out = new TreeSet<>();
    for (String e : entries) {
      if (e.endsWith(" " + code)) {
        out.add(e);
      }
    }
    return out;
  }

  static List<String> codes(AgentStartupResult r) {
    List<String> out = new ArrayList<>();
    r.findings().forEach(f -> out.add(f.code()));
    return out;
  }
}
