package dev.podpath.model.cilium.rule;

import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.MessageKind;
import java.util.Optional;

/**
 * One check or override the cilium agent (or its Helm chart) applies at startup. The id is also
 * the finding code; the citation names the Cilium source file and function.
 */
public interface StartupRule {

  String id();

  MessageKind kind();

  /** Cilium source of the behaviour, e.g. {@code pkg/option/config.go (*DaemonConfig).Populate}. */
  String citation();

  /** Versions whose agent/chart has the rule (all modelled versions unless a rule says otherwise). */
  default boolean appliesTo(CiliumVersion version) {
    return true;
  }

  /** Empty when the rule does not fire for these settings. */
  Optional<RuleOutcome> evaluate(RuleInput in);
}
