package dev.podpath.analysis.whatif;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code --set TOOL.PATH=VALUE}: {@code cilium.<Helm path>=<YAML scalar>} (true/false,
 * numbers, strings; {@code null} or nothing for null). {@code bird.} and {@code frr.} keys are
 * recognised and refused for now, so that the message says what is missing rather than "unknown".
 */
public final class EditText {

  static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  private EditText() {}

  public static Edit parse(String text) {
    SourceRef where = SourceRef.file("--set " + text);
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new InputException(where, "expected KEY=VALUE, e.g. cilium.bpf.masquerade=true");
    }
    String key = text.substring(0, eq).strip();
    String raw = text.substring(eq + 1);
    int dot = key.indexOf('.');
    String tool = dot < 0 ? key : key.substring(0, dot);
    String path = dot < 0 ? "" : key.substring(dot + 1);
    switch (tool) {
      case "cilium" -> {
        if (!PATH.matcher(path).matches()) {
          throw new InputException(where, "'" + key + "' is not a Helm value path; write cilium.<path>, e.g. "
              + "cilium.socketLB.hostNamespaceOnly");
        }
        return new CiliumValue(path, scalar(raw, where), key + "=" + raw);
      }
      case "bird", "frr" -> throw new InputException(where, tool + " edits are not supported yet; whatif edits "
          + "Cilium Helm values (cilium.<path>=<value>)");
      default -> throw new InputException(where, "a key starts with cilium. (the Helm values of the cilium chart), "
          + "got '" + key + "'");
    }
  }

  /** A YAML scalar, read the way the values file would read it. */
  static Object scalar(String raw, SourceRef where) {
    if (raw.isBlank()) {
      return null;
    }
    List<YamlDocument> docs = YamlReader.read(raw, where.file());
    Object v = docs.isEmpty() ? null : docs.get(0).root();
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new InputException(where, "the value must be a scalar (true, false, a number or a string), got '" + raw + "'");
    }
    return v;
  }
}
