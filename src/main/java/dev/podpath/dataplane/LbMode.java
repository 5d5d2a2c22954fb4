package dev.podpath.dataplane;

/** Cilium's {@code bpf-lb-mode} for NodePort/LoadBalancer/ExternalIP traffic to remote backends. */
public enum LbMode {
  SNAT,
  DSR,
  /** DSR for TCP, SNAT for UDP (cilium docs "Hybrid DSR and SNAT Mode"). */
  HYBRID;

  /** The mode one flow gets: hybrid splits by protocol. */
  public LbMode forProtocol(Protocol p) {
    if (this != HYBRID) {
      return this;
    }
    return p == Protocol.TCP ? DSR : SNAT;
  }
}
