package dev.podpath.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A comparison as JSON for {@code podpath lab --format json}, with the observation it was made from. */
public final class LabDiffJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LabDiffJson() {}

  /** @param seed the generator seed, or null for a snapshot directory */
  public static JsonNode tree(String label, Long seed, LabDiff diff, LabObservation seen) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("snapshot", label);
    if (seed != null) {
      root.put("seed", seed);
    }
    root.put("agrees", diff.agrees());
    root.put("compared", diff.compared());
    ObjectNode norm = root.putObject("normalised");
    diff.normalised().forEach(norm::put);
    ArrayNode ds = root.putArray("differences");
    for (LabDifference d : diff.differences()) {
      ObjectNode n = ds.addObject();
      n.put("host", d.host());
      n.put("kind", d.kind().word());
      n.put("item", d.item());
      n.put("simulated", d.simulated());
      n.put("real", d.real());
    }
    root.set("observation", LabObservationJson.tree(seen));
    return root;
  }

  public static String write(JsonNode tree) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
