package dev.podpath.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.core.Finding;
import java.util.List;

/** JSON output with stable key order and formatting, so golden files diff cleanly. */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** The output contract's finding object: code, severity, message, file, line, host. */
  public static ObjectNode finding(Finding f) {
    ObjectNode o = object();
    o.put("code", f.code());
    o.put("severity", f.severity().label());
    o.put("message", f.message());
    o.put("file", f.where().file());
    o.put("line", f.where().line());
    o.put("host", f.host());
    return o;
  }

  public static ArrayNode findings(List<Finding> findings) {
    ArrayNode a = array();
    findings.stream().sorted(Finding.ORDER).forEach(f -> a.add(finding(f)));
    return a;
  }

  public static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON output", e);
    }
  }
}
