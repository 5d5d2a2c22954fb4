package dev.podpath.ingest.cilium;

import dev.podpath.core.SourceRef;

/** Who set an agent flag: the line an operator wrote, or which default applied. */
public sealed interface FlagSource {

  /** Where a finding about this flag should point (a default points at no line). */
  SourceRef where();

  /** One phrase for reports, e.g. {@code helm bpf.masquerade (cilium/values.yaml:67)}. */
  String describe();

  /** A Helm value the operator wrote; {@code path} is the dotted Helm key. */
  record HelmValue(String path, SourceRef where) implements FlagSource {
    @Override
    public String describe() {
      return "helm " + path + " (" + where + ")";
    }
  }

  /** A key of the cilium-config ConfigMap; it wins over Helm per key. */
  record ConfigMapKey(String key, SourceRef where) implements FlagSource {
    @Override
    public String describe() {
      return "configmap " + key + " (" + where + ")";
    }
  }

  /** The chart rendered the flag from its own default (values.yaml or the template). */
  record ChartDefault(String path, CiliumVersion version) implements FlagSource {
    @Override
    public SourceRef where() {
      return SourceRef.NONE;
    }

    @Override
    public String describe() {
      return "chart " + version + " default of " + path;
    }
  }

  /** Nothing rendered the flag: the agent's own flag default applies. */
  record AgentDefault(CiliumVersion version) implements FlagSource {
    @Override
    public SourceRef where() {
      return SourceRef.NONE;
    }

    @Override
    public String describe() {
      return "agent " + version + " default";
    }
  }
}
