package dev.podpath.analysis.fix;

import dev.podpath.analysis.intent.KeepSetting;
import java.util.List;
import java.util.Set;

/** The settings a fix must not change: `--keep KEY` and intents.yaml `keep:`. */
public record Keep(List<KeepSetting> settings) {

  public Keep {
    settings = List.copyOf(settings);
  }

  /** A key is kept when it, a parent or a child of it is listed (cilium.socketLB keeps socketLB.*). */
  boolean forbids(String key) {
    return settings.stream().anyMatch(k -> matches(k.key(), key));
  }

  /** A bird move is kept out when any of its hosts' bird settings is kept ({@code bird.<host>...}). */
  boolean forbidsBird(Set<String> hosts) {
    return settings.stream().anyMatch(k -> k.key().equals("bird") || k.key().startsWith("bird.")
        && hosts.stream().anyMatch(h -> matches(k.key(), "bird." + h)));
  }

  String why(String key) {
    return settings.stream().filter(k -> matches(k.key(), key) || k.key().startsWith("bird")).findFirst()
        .map(k -> k.where().isKnown() ? k.key() + " at " + k.where() : k.key()).orElse("");
  }

  private static boolean matches(String kept, String key) {
    return kept.equals(key) || key.startsWith(kept + ".") || kept.startsWith(key + ".");
  }
}
