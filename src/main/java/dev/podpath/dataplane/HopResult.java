package dev.podpath.dataplane;

/** What processing one host did with a packet. */
sealed interface HopResult {

  /** Handed over a link to the next host. */
  record Next(String host, String iface, Packet packet) implements HopResult {}

  /** Delivered to a pod ({@code pod} non-null) or to the host's own stack. */
  record Delivered(String host, Endpoints.Pod pod, Packet packet) implements HopResult {}

  /** Ended without delivery: a drop, or the packet left the model. */
  record Ended(String host, Disposition disposition) implements HopResult {}
}
