package dev.podpath.ingest.frr;

/** `frr defaults PROFILE` (lib/defaults.c frr_defaults_profiles). */
public enum DefaultsProfile {
  TRADITIONAL,
  DATACENTER;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
