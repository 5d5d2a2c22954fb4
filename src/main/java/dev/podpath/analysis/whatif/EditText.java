package dev.podpath.analysis.whatif;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import java.util.regex.Pattern;

/**
 * Reads {@code --set TOOL.PATH=VALUE}: {@code cilium.<Helm path>=<scalar>}, typed as
 * {@code helm --set} types it (true/false, integers, null, else a string). One key per
 * {@code --set} (Helm's comma-separated lists of keys are not read). {@code bird.} and {@code frr.} keys are
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

  /**
   * The value as {@code helm --set} types it. helm pkg/strvals/parser.go typedVal: "true"/"false"
   * (any case) are booleans, "null" is null, "0" and decimal integers not starting with 0 are
   * int64, anything else (floats, "yes", "007", quoted text) stays a string. A value that looks
   * like a list or map ({@code {a,b}}, {@code a: b}) is refused: whatif sets scalars only.
   */
  static Object scalar(String raw, SourceRef where) {
    String v = raw.strip();
    if (v.startsWith("{") || v.startsWith("[") || v.contains(": ")) {
      throw new InputException(where, "the value must be a scalar (true, false, a number or a string), got '" + raw + "'");
    }
    if (v.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (v.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (v.equalsIgnoreCase("null")) {
      return null;
    }
    if (v.isEmpty()) {
      return "";
    }
    if (v.equals("0")) {
      return 0L;
    }
    if (v.charAt(0) != '0') {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        // helm: not an int64 -> string
      }
    }
    return v;
  }
}
