package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector as written (never null here: a selector that was not written is a
 * null field in the owning record, because Cilium gives "nil" and "empty" different meanings:
 * an empty selector selects everything, a nil one selects nothing for advertisements but all
 * nodes for a nodeSelector; see the owning record). Sources: docs cilium-facts §4.1-4.2, checked
 * against the field comments in cilium pkg/k8s/apis/cilium.io/v2/bgp_{cluster,peer,advert}_types.go
 * and v2alpha1/bgpp_types.go.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions, SourceRef where) {

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** k8s.io/apimachinery labels.Selector operators accepted by LabelSelectorAsSelector. */
  public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist
  }

  /** One matchExpressions entry. */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }

    // k8s apimachinery labels/selector.go Requirement.Matches: NotIn and DoesNotExist hold when the key is absent
    boolean matches(Map<String, String> labels) {
      boolean has = labels.containsKey(key);
      return switch (operator) {
        case In -> has && values.contains(labels.get(key));
        case NotIn -> !has || !values.contains(labels.get(key));
        case Exists -> has;
        case DoesNotExist -> !has;
      };
    }
  }

  /** True when this (non-nil) selector selects an object with these labels; an empty selector selects all. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** For fields where Cilium treats nil as "all" (nodeSelector): null selects everything. */
  public static boolean nilSelectsAll(LabelSelector selector, Map<String, String> labels) {
    return selector == null || selector.matches(labels);
  }

  /** For fields where Cilium treats nil as "nothing" (advertisement selectors): null selects nothing. */
  public static boolean nilSelectsNone(LabelSelector selector, Map<String, String> labels) {
    return selector != null && selector.matches(labels);
  }
}
