package dev.podpath.ingest;

import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the values of one {@link YamlDocument} by path ({@code spec.peers[0].name}).
 * A value of the wrong type is recorded as an {@link InputProblem} at the line that wrote it and
 * read as absent (null), so a reader can go on and report every problem of a file at once.
 */
public final class DocFields {

  private final YamlDocument doc;
  private final List<InputProblem> problems;

  public DocFields(YamlDocument doc, List<InputProblem> problems) {
    this.doc = doc;
    this.problems = problems;
  }

  public YamlDocument doc() {
    return doc;
  }

  public SourceRef ref(String path) {
    return doc.refOf(path);
  }

  public void problem(String path, String message) {
    problems.add(new InputProblem(ref(path), message));
  }

  /** Path of a map key below {@code parent}, in {@link YamlDocument}'s notation. */
  public static String child(String parent, String key) {
    boolean plain = !key.isEmpty() && key.indexOf('.') < 0 && key.indexOf('[') < 0; // as YamlDocument.child
    if (plain) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  /** Path of a nested field below {@code parent}: {@code path("spec", "a.b")} = {@code spec.a.b}. */
  public static String path(String parent, String dotted) {
    String out = parent;
    for (String k : dotted.split("\\.")) {
      out = child(out, k);
    }
    return out;
  }

  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The raw value at a path (null when absent or when an intermediate node has another shape). */
  public Object at(String path) {
    Object cur = doc.root();
    int i = 0;
    while (i < path.length() && cur != null) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
        int end = i + 2;
        StringBuilder key = new StringBuilder();
        while (end < path.length() && !(path.charAt(end) == '"' && path.charAt(end - 1) != '\\')) {
          if (path.charAt(end) != '\\') {
            key.append(path.charAt(end));
          }
          end++;
        }
        cur = cur instanceof Map<?, ?> m ? m.get(key.toString()) : null;
        i = end + 2;
        continue;
      }
      if (c == '[') {
        int end = path.indexOf(']', i);
        int idx = Integer.parseInt(path.substring(i + 1, end));
        cur = cur instanceof List<?> l && idx < l.size() ? l.get(idx) : null;
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      cur = cur instanceof Map<?, ?> m ? m.get(path.substring(i, end)) : null;
      i = end;
    }
    return cur;
  }

  public boolean has(String path) {
    return at(path) != null;
  }

  /** A scalar as text (numbers and booleans as written by YAML); null when absent. */
  public String string(String path) {
    Object v = at(path);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      problem(path, "'" + path + "' must be a single value, not a " + shape(v));
      return null;
    }
    return String.valueOf(v);
  }

  public String requiredString(String path) {
    if (at(path) == null) {
      problem(path, "'" + path + "' is required");
      return null;
    }
    return string(path);
  }

  /** An integer in [min, max]; text such as "65000" is refused (the API server refuses it too). */
  public Long integer(String path, long min, long max) {
    Object v = at(path);
    if (v == null) {
      return null;
    }
    long n;
    if (v instanceof Long l) {
      n = l;
    } else if (v instanceof BigInteger) {
      problem(path, "'" + path + "' is out of range (" + min + ".." + max + "): " + v);
      return null;
    } else {
      problem(path, "'" + path + "' must be an integer, got " + describe(v));
      return null;
    }
    if (n < min || n > max) {
      problem(path, "'" + path + "' is out of range (" + min + ".." + max + "): " + n);
      return null;
    }
    return n;
  }

  public Integer intValue(String path, int min, int max) {
    Long l = integer(path, min, max);
    return l == null ? null : l.intValue();
  }

  public Boolean bool(String path) {
    Object v = at(path);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    problem(path, "'" + path + "' must be true or false, got " + describe(v));
    return null;
  }

  /** A sequence; an absent one is empty, another shape is a problem. */
  public List<?> list(String path) {
    Object v = at(path);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    problem(path, "'" + path + "' must be a list, got " + describe(v));
    return List.of();
  }

  public int size(String path) {
    return list(path).size();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String path) {
    Object v = at(path);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    problem(path, "'" + path + "' must be a mapping, got " + describe(v));
    return Map.of();
  }

  /** A map of scalars as text, in written order (labels, sysctls). */
  public Map<String, String> stringMap(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : map(path).keySet()) {
      String s = string(child(path, k));
      if (s != null) {
        out.put(k, s);
      }
    }
    return out;
  }

  public List<String> stringList(String path) {
    List<String> out = new ArrayList<>();
    int n = list(path).size();
    for (int i = 0; i < n; i++) {
      String s = string(item(path, i));
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * IPv4 in the only form Kubernetes, Cilium and the kernel tools agree on: four decimal octets
   * without leading zeros. The IPAddress library behind IpAddr also takes inet_aton forms ("10",
   * "10.0.20", octal "010.0.0.1" = 8.0.0.1, hex), which Go's net.ParseIP refuses.
   */
  private static final java.util.regex.Pattern DOTTED_QUAD =
      java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /** Refuses address text other than a dotted quad or an IPv6 address without zone (Go net.ParseIP). */
  public static void checkAddressText(String text) {
    if (text.contains("${") || text.contains("{{")) {
      // Flux postBuild / talhelper / Jinja placeholders: podpath reads rendered configs only
      throw new IllegalArgumentException("'" + text + "' is an unresolved template placeholder; give podpath the rendered file");
    }
    String a = text.strip();
    int slash = a.indexOf('/');
    if (slash >= 0) {
      a = a.substring(0, slash);
    }
    if (a.contains(":")) {
      if (a.contains("%")) {
        throw new IllegalArgumentException("'" + text + "': an address with a %zone is not accepted here");
      }
    } else if (!DOTTED_QUAD.matcher(a).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)");
    }
  }

  public IpAddr ip(String path) {
    String s = string(path);
    if (s == null) {
      return null;
    }
    try {
      checkAddressText(s);
      return IpAddr.parse(s);
    } catch (IllegalArgumentException e) {
      problem(path, "'" + path + "': invalid IP address: " + e.getMessage());
      return null;
    }
  }

  /** A network prefix; host bits must be clear (Kubernetes and Cilium refuse them too). */
  public IpPrefix prefix(String path) {
    String s = string(path);
    if (s == null) {
      return null;
    }
    try {
      checkAddressText(s);
      if (!s.contains("/")) {
        throw new IllegalArgumentException("'" + s + "' needs a prefix length");
      }
      return IpPrefix.parse(s);
    } catch (IllegalArgumentException e) {
      problem(path, "'" + path + "': invalid CIDR: " + e.getMessage());
      return null;
    }
  }

  public IfAddress ifAddress(String path) {
    String s = string(path);
    if (s == null) {
      return null;
    }
    try {
      checkAddressText(s);
      return IfAddress.parse(s);
    } catch (IllegalArgumentException e) {
      problem(path, "'" + path + "': invalid interface address: " + e.getMessage());
      return null;
    }
  }

  /** Reports every key of the mapping at {@code path} that is not in {@code known}. */
  public List<String> unknownKeys(String path, java.util.Set<String> known) {
    List<String> out = new ArrayList<>();
    for (String k : map(path).keySet()) {
      if (!known.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  static String shape(Object v) {
    return v instanceof Map<?, ?> ? "mapping" : v instanceof List<?> ? "list" : "value";
  }

  public static String describe(Object v) {
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof String s) {
      return "text '" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
    }
    return "'" + v + "'";
  }
}
