package dev.podpath.model.cilium;

/** routing-mode. Anything but "native" tunnels: cilium pkg/option/config.go TunnelingEnabled. */
public enum RoutingMode {
  NATIVE,
  TUNNEL;

  public static RoutingMode of(String text) {
    return "native".equals(text) ? NATIVE : TUNNEL;
  }
}
