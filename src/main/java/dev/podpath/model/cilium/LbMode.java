package dev.podpath.model.cilium;

/** bpf-lb-mode (service forwarding for N/S traffic). */
public enum LbMode {
  SNAT,
  DSR,
  HYBRID,
  OTHER;

  public static LbMode of(String text) {
    return switch (text) {
      case "snat" -> SNAT;
      case "dsr" -> DSR;
      case "hybrid" -> HYBRID;
      default -> OTHER;
    };
  }

  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
