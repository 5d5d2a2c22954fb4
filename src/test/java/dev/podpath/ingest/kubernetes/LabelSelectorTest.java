package dev.podpath.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.ingest.DocFields;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  static LabelSelector sel(String yaml, List<InputProblem> problems) {
    return SelectorReader.read(new DocFields(YamlReader.read(yaml, "t.yaml").get(0), problems), "s");
  }

  static LabelSelector sel(String yaml) {
    List<InputProblem> problems = new ArrayList<>();
    LabelSelector s = sel(yaml, problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return s;
  }

  @Test
  void nilAndEmptyAreDifferent() {
    LabelSelector nil = sel("other: 1\n");
    LabelSelector empty = sel("s: {}\n");
    assertThat(nil).isNull();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.matches(Map.of("a", "b"))).isTrue();
    assertThat(LabelSelector.nilSelectsAll(nil, Map.of())).isTrue();
    assertThat(LabelSelector.nilSelectsNone(nil, Map.of())).isFalse();
    assertThat(LabelSelector.nilSelectsNone(empty, Map.of())).isTrue();
  }

  @Test
  void operatorsFollowKubernetesSemantics() {
    LabelSelector s = sel("""
        s:
          matchLabels: {tier: edge}
          matchExpressions:
            - {key: zone, operator: In, values: [a, b]}
            - {key: legacy, operator: DoesNotExist}
            - {key: env, operator: NotIn, values: [dev]}
            - {key: bgp, operator: Exists}
        """);
    Map<String, String> ok = Map.of("tier", "edge", "zone", "a", "bgp", "");
    assertThat(s.matches(ok)).isTrue();
    assertThat(s.matches(Map.of("tier", "edge", "zone", "c", "bgp", ""))).as("In").isFalse();
    assertThat(s.matches(Map.of("tier", "edge", "zone", "a", "bgp", "", "legacy", "x"))).as("DoesNotExist").isFalse();
    assertThat(s.matches(Map.of("tier", "edge", "zone", "a", "bgp", "", "env", "dev"))).as("NotIn").isFalse();
    assertThat(s.matches(Map.of("tier", "edge", "zone", "a"))).as("Exists").isFalse();
    assertThat(s.matches(Map.of("tier", "core", "zone", "a", "bgp", ""))).as("matchLabels").isFalse();
  }

  @Test
  void invalidExpressionsAreProblemsWithLines() {
    List<InputProblem> problems = new ArrayList<>();
    sel("""
        s:
          matchExpressions:
            - {key: a, operator: In}
            - {key: b, operator: Exists, values: [x]}
            - {key: c, operator: Equals, values: [x]}
        """, problems);
    assertThat(problems).extracting(InputProblem::toString).containsExactly(
        "t.yaml:3: selector operator In needs at least one value",
        "t.yaml:4: selector operator Exists takes no values",
        "t.yaml:5: unknown selector operator 'Equals' (In, NotIn, Exists, DoesNotExist)");
  }
}
