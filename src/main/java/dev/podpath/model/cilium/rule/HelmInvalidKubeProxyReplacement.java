package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** The chart refuses kubeProxyReplacement values other than true/false (e.g. the pre-1.14 "strict"). */
public final class HelmInvalidKubeProxyReplacement implements StartupRule {

  @Override
  public String id() {
    return "cilium/helm-invalid-kube-proxy-replacement";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.HELM_FAIL;
  }

  @Override
  public String citation() {
    return "install/kubernetes/cilium/templates/cilium-configmap.yaml: fail unless $kubeProxyReplacement is true or false";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    if (!in.config().helmGiven() || !in.config().helm().has("kubeProxyReplacement")) {
      return Optional.empty();
    }
    Object kpr = in.config().helm().get("kubeProxyReplacement");
    String text = kpr == null ? "" : String.valueOf(kpr);
    // coalesce (toString .Values.kubeProxyReplacement) "false": empty falls back to "false"
    if (text.isEmpty() || text.equals("true") || text.equals("false")) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says(
        "kubeProxyReplacement must be explicitly set to a valid value (true or false) to continue.",
        in.helmWhere("kubeProxyReplacement")));
  }
}
