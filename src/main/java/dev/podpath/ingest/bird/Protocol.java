package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;
import java.util.Optional;

/**
 * A `protocol` block (after applying `from TEMPLATE` inheritance). Unnamed protocols get BIRD's
 * automatic names (`device1`, `kernel1`, `bgp1`...: nest/config.Y proto_name).
 */
public sealed interface Protocol
    permits DeviceProtocol, DirectProtocol, KernelProtocol, StaticProtocol, BgpProtocol {

  String name();

  SourceRef where();

  boolean disabled();

  List<Channel> channels();

  /** The `from` template or protocol, or null. */
  String template();

  default Optional<Channel> channel(String nettype) {
    return channels().stream().filter(c -> c.nettype().equals(nettype)).findFirst();
  }
}
