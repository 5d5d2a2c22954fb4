package dev.podpath.ingest.kubernetes;

import dev.podpath.ingest.DocFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a label selector at a path; null when the path was not written (nil selector). */
final class SelectorReader {

  private SelectorReader() {}

  static LabelSelector read(DocFields f, String path) {
    Object raw = f.at(path);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Map<?, ?>)) {
      f.problem(path, "'" + path + "' must be a label selector (matchLabels / matchExpressions), got " + DocFields.describe(raw));
      return null;
    }
    for (String k : f.unknownKeys(path, Set.of("matchLabels", "matchExpressions"))) {
      f.problem(DocFields.child(path, k), "'" + path + "' has unknown key '" + k + "' (a selector has matchLabels and matchExpressions)");
    }
    Map<String, String> labels = f.stringMap(DocFields.child(path, "matchLabels"));
    String exprs = DocFields.child(path, "matchExpressions");
    List<LabelSelector.Requirement> reqs = new ArrayList<>();
    int n = f.size(exprs);
    for (int i = 0; i < n; i++) {
      String p = DocFields.item(exprs, i);
      String key = f.requiredString(DocFields.child(p, "key"));
      String op = f.requiredString(DocFields.child(p, "operator"));
      List<String> values = f.stringList(DocFields.child(p, "values"));
      if (key == null || op == null) {
        continue;
      }
      LabelSelector.Operator operator;
      try {
        operator = LabelSelector.Operator.valueOf(op);
      } catch (IllegalArgumentException e) {
        f.problem(DocFields.child(p, "operator"), "unknown selector operator '" + op + "' (In, NotIn, Exists, DoesNotExist)");
        continue;
      }
      // k8s apimachinery metav1 LabelSelectorAsSelector -> labels.NewRequirement: In/NotIn need values, Exists/DoesNotExist none
      boolean needsValues = operator == LabelSelector.Operator.In || operator == LabelSelector.Operator.NotIn;
      if (needsValues && values.isEmpty()) {
        f.problem(p, "selector operator " + op + " needs at least one value");
        continue;
      }
      if (!needsValues && !values.isEmpty()) {
        f.problem(p, "selector operator " + op + " takes no values");
        continue;
      }
      reqs.add(new LabelSelector.Requirement(key, operator, values));
    }
    return new LabelSelector(labels, reqs, f.ref(path));
  }
}
