package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSarifTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sarifCarriesEveryFindingAndFailingIntentAtItsFileAndLine() throws Exception {
    CliRun sarifRun = CliRun.of("check", "--format", "sarif", "examples/cluster-101");
    CliRun jsonRun = CliRun.of("check", "--format", "json", "examples/cluster-101");
    assertThat(sarifRun.exitCode()).isEqualTo(jsonRun.exitCode()).isEqualTo(1);
    JsonNode sarif = JSON.readTree(sarifRun.out());
    JsonNode check = JSON.readTree(jsonRun.out());

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("podpath");
    assertThat(run.at("/originalUriBaseIds/SNAPSHOT/uri").asText()).startsWith("file:/").endsWith("/examples/cluster-101/");
    JsonNode rules = run.at("/tool/driver/rules");
    JsonNode results = run.get("results");

    long failingIntents = 0;
    for (JsonNode i : check.get("intents")) {
      failingIntents += i.get("verdict").asText().equals("fail") ? 1 : 0;
    }
    assertThat(results.size()).isEqualTo(check.get("findings").size() + failingIntents);

    List<String> located = new ArrayList<>();
    for (JsonNode r : results) {
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.get("level").asText()).isIn("error", "warning", "note");
      JsonNode loc = r.at("/locations/0/physicalLocation");
      if (!loc.isMissingNode()) {
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("SNAPSHOT");
        located.add(r.get("ruleId").asText() + " " + loc.at("/artifactLocation/uri").asText() + ":" + loc.at("/region/startLine").asInt());
      }
    }
    // the seed's cause: the ipv6 channel of bird's session to pve01 (line 60) imports none (line 61)
    assertThat(located).contains("route/not-learned hosts/solcp01/bird.conf:60");
    // default intents are anchored at the Kubernetes object they are derived from
    assertThat(located).filteredOn(s -> s.startsWith("intent/fails ")).hasSize((int) failingIntents)
        .allMatch(s -> s.startsWith("intent/fails kubernetes/"));
  }
}
