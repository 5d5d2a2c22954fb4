package dev.podpath.ingest.kubernetes;

import static dev.podpath.ingest.DocFields.child;
import static dev.podpath.ingest.DocFields.item;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.ingest.DocFields;
import java.util.List;
import java.util.Map;

/**
 * A YAML document -> a fabric8 model object: through the model's setters when that is plainly
 * what Jackson would do ({@link SetterConversion}, much cheaper cold), else through Jackson. A type mismatch becomes an input
 * problem at the line of the offending key (Jackson's reference path mapped back to the
 * document), with a message an operator can act on instead of Jackson's class names.
 */
final class FabricConversion {

  /** Made on first use: most documents never need it (SetterConversion). */
  private static final class Jackson {
    /** Unknown fields are kept by fabric8 in additionalProperties, never an error. */
    static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  private FabricConversion() {}

  /** The converted object, or null with the problem recorded in {@code f}. */
  static <T> T convert(DocFields f, Class<T> type, String kind) {
    Object tree = intsAsInts(f.doc().root());
    java.util.Optional<T> direct = SetterConversion.convert(tree, type);
    if (direct.isPresent()) {
      return direct.get();
    }
    try {
      return Jackson.MAPPER.convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      String path = "";
      String detail = e.getMessage();
      if (e.getCause() instanceof JsonMappingException jme) {
        path = jacksonPath(jme);
        detail = jme.getOriginalMessage();
      }
      String hint = "";
      if (f.at(path) instanceof Map<?, ?> m && m.size() == 1 && m.values().iterator().next() == null) {
        hint = " (a plain YAML value ending in ':' is read as a key: quote it)";
      }
      f.problem(path, (path.isEmpty() ? kind : "'" + path + "'") + " has the wrong type for a " + kind + ": "
          + brief(detail) + hint);
      return null;
    }
  }

  /**
   * YamlReader reads every integer as Long; fabric8's IntOrString (ports, targetPort) only takes an
   * Integer, so integers that fit are narrowed before conversion.
   */
  static Object intsAsInts(Object v) {
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, intsAsInts(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(FabricConversion::intsAsInts).toList();
    }
    return v;
  }

  /** Jackson's reference chain as a YamlDocument path, so the problem points at the offending key. */
  static String jacksonPath(JsonMappingException e) {
    String path = "";
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path = child(path, r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path = item(path, r.getIndex());
      }
    }
    return path;
  }

  private static String brief(String jacksonMessage) {
    if (jacksonMessage == null) {
      return "unexpected value";
    }
    String first = jacksonMessage.strip().split("\\R", 2)[0];
    first = first.replaceAll("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$<>]+)", "`$1").replace("`", "");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("Cannot (?:deserialize value of type|construct instance of) (\\S+).*?from (\\w+) value.*").matcher(first);
    if (m.matches()) {
      String type = m.group(1);
      String expected = type.matches("(Array)?List.*") ? "a list" : type.matches("(LinkedHash|Hash)?Map.*") ? "a mapping"
          : type.equals("String") ? "a string" : type.matches("(?i)int|integer|long") ? "an integer"
          : type.matches("(?i)boolean") ? "true or false" : type;
      String found = switch (m.group(2)) {
        case "Object" -> "a mapping";
        case "Array" -> "a list";
        case "String" -> "text";
        default -> "a " + m.group(2).toLowerCase(java.util.Locale.ROOT) + " value";
      };
      return "expected " + expected + ", found " + found;
    }
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }
}
