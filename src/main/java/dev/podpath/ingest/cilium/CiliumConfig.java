package dev.podpath.ingest.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpPrefix;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cilium's configuration as the agent would receive it: every flag podpath reads, typed, with the
 * source that set it (Helm value line, ConfigMap key line, chart default, agent default). Also keeps
 * the Helm values as written, because the chart's render-time checks look at those, and the
 * findings of reading (unknown Helm keys...).
 */
public record CiliumConfig(
    CiliumVersion version, Map<AgentFlag, FlagValue> flags, HelmValues helm, boolean helmGiven,
    List<Finding> findings) {

  public CiliumConfig {
    Objects.requireNonNull(version, "version");
    Map<AgentFlag, FlagValue> copy = new EnumMap<>(AgentFlag.class);
    copy.putAll(flags);
    for (AgentFlag f : AgentFlag.values()) {
      if (!copy.containsKey(f)) {
        throw new IllegalArgumentException("flag " + f.key() + " has no value");
      }
    }
    flags = Collections.unmodifiableMap(copy);
    findings = List.copyOf(findings);
  }

  public FlagValue flag(AgentFlag flag) {
    return flags.get(flag);
  }

  public boolean bool(AgentFlag flag) {
    return Boolean.TRUE.equals(flags.get(flag).value());
  }

  public String string(AgentFlag flag) {
    Object v = flags.get(flag).value();
    return v == null ? "" : String.valueOf(v);
  }

  public IpPrefix prefix(AgentFlag flag) {
    return flags.get(flag).value() instanceof IpPrefix p ? p : null;
  }

  public long number(AgentFlag flag) {
    return flags.get(flag).value() instanceof Long l ? l : 0L;
  }
}
