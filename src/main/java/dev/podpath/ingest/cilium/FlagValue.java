package dev.podpath.ingest.cilium;

import java.util.Objects;

/**
 * One agent flag's value as the agent would read it, already typed ({@link AgentFlag.Type}):
 * Boolean, String, Long, {@link dev.podpath.core.net.IpPrefix}, or null for "unset".
 */
public record FlagValue(AgentFlag flag, Object value, FlagSource source) {

  public FlagValue {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(source, "source");
  }

  public String text() {
    return value == null ? "" : String.valueOf(value);
  }
}
