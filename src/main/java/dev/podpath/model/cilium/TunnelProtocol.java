package dev.podpath.model.cilium;

/** tunnel-protocol; OTHER is a value the agent does not know (podpath has no rule text for it). */
public enum TunnelProtocol {
  VXLAN,
  GENEVE,
  OTHER;

  public static TunnelProtocol of(String text) {
    return switch (text) {
      case "vxlan", "" -> VXLAN; // empty: chart default "vxlan"
      case "geneve" -> GENEVE;
      default -> OTHER;
    };
  }
}
