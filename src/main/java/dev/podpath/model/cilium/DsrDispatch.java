package dev.podpath.model.cilium;

/** bpf-lb-dsr-dispatch: how DSR carries the service address to the backend node. */
public enum DsrDispatch {
  OPT,
  IPIP,
  GENEVE,
  OTHER;

  public static DsrDispatch of(String text) {
    return switch (text) {
      case "opt" -> OPT;
      case "ipip" -> IPIP;
      case "geneve" -> GENEVE;
      default -> OTHER;
    };
  }

  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
