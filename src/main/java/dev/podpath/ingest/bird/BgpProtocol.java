package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * `protocol bgp` (proto/bgp/config.Y). Null means "not written": the daemon applies BIRD's
 * defaults (port 179, direct for eBGP and multihop for iBGP, ...). {@code multihop} 0 means
 * `direct`; {@code allowLocalAs} -1 means `allow local as` without a number (check disabled).
 *
 * @param peerType INTERNAL/EXTERNAL when written as `internal`/`external`, else null
 * @param defaultLocalPref `default bgp_local_pref N` (null = 100)
 * @param defaultMed `default bgp_med N` (null = 0)
 * @param lines where each written option is, by option name ("local", "neighbor", "multihop"...)
 */
public record BgpProtocol(
    String name,
    SourceRef where,
    boolean disabled,
    String template,
    List<Channel> channels,
    IpAddr localAddress,
    Integer localPort,
    Long localAs,
    IpAddr neighborAddress,
    String neighborInterface,
    Integer neighborPort,
    Long remoteAs,
    PeerType peerType,
    IpPrefix neighborRange,
    Boolean passive,
    Integer multihop,
    String interfaceName,
    IpAddr sourceAddress,
    Integer holdTime,
    Integer keepaliveTime,
    Integer connectRetryTime,
    boolean rrClient,
    Integer allowLocalAs,
    String password,
    Long defaultLocalPref,
    Long defaultMed,
    java.util.Map<String, SourceRef> lines)
    implements Protocol {

  public BgpProtocol {
    channels = List.copyOf(channels);
    lines = java.util.Map.copyOf(lines);
  }

  public enum PeerType {
    INTERNAL,
    EXTERNAL
  }

  /** The line of an option, or the protocol's line when the option was not written. */
  public SourceRef line(String option) {
    return lines.getOrDefault(option, where);
  }
}
