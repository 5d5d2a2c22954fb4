package dev.podpath.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON printed by the daemons and by {@code ip -j}: trusted-shape output, read as a tree. */
final class LabJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LabJson() {}

  static JsonNode read(String json, String what) {
    String t = json.strip();
    if (t.isEmpty()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(t);
    } catch (JsonProcessingException e) {
      throw new LabFailedException(what + " printed something that is not JSON: "
          + (t.length() > 200 ? t.substring(0, 200) + "..." : t), e);
    }
  }
}
