package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;

/**
 * The defaults in force when a `router bgp` instance is created: the version the config says it
 * was written by (`frr version`, else the running daemon's version: lib/defaults.c df_version =
 * FRR_VER_SHORT) and the profile (`frr defaults`, else the build default `traditional`). bgpd
 * reads them in bgp_create(), so a `frr defaults` line after `router bgp` does not change that
 * instance.
 *
 * @param versionLine the `frr version` line, or SourceRef.NONE when the daemon's version applies
 * @param profileLine the `frr defaults` line, or SourceRef.NONE when the build default applies
 */
public record FrrDefaults(FrrVersion version, DefaultsProfile profile, SourceRef versionLine, SourceRef profileLine) {

  // bgpd/bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_EBGP_REQUIRES_POLICY): datacenter off; < 7.4 off; else on
  public boolean ebgpRequiresPolicy() {
    return profile != DefaultsProfile.DATACENTER && !version.isBefore("7.4");
  }

  // bgpd/bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_IMPORT_CHECK): traditional < 7.4 off; else on
  public boolean networkImportCheck() {
    return !(profile == DefaultsProfile.TRADITIONAL && version.isBefore("7.4"));
  }

  // bgpd/bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_DETERMINISTIC_MED): datacenter on
  public boolean deterministicMed() {
    return profile == DefaultsProfile.DATACENTER;
  }

  // bgpd/bgp_vty.c (frr-9.1+) FRR_CFG_DEFAULT_BOOL(BGP_ENFORCE_FIRST_AS): < 9.1 off; else on
  public boolean enforceFirstAs(FrrVersion daemon) {
    return daemon.atLeast("9.1") && !version.isBefore("9.1");
  }

  /** "FRR 8.4.4 `traditional` defaults (frr.conf:1)" for findings. */
  public String describe() {
    StringBuilder sb = new StringBuilder("FRR ").append(version).append(" `").append(profile.keyword()).append("` defaults");
    String where = versionLine.isKnown() ? versionLine.toString() : profileLine.isKnown() ? profileLine.toString() : "";
    if (!versionLine.isKnown()) {
      sb.append(" (no `frr version` line: the daemon's version applies)");
    } else if (!where.isEmpty()) {
      sb.append(" (").append(where).append(")");
    }
    return sb.toString();
  }
}
