package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol or template while its block is read. `protocol X from T` starts from a deep copy
 * of T's draft and applies its own items on top, as BIRD copies the template's config
 * (nest/config.Y proto_start/proto_name, proto_copy_config); same-type channels merge
 * (channel_config_get returns the inherited channel).
 */
final class ProtocolDraft {

  final String type;
  String name;
  SourceRef where;
  String template;
  boolean disabled;
  final Map<String, ChannelDraft> channels = new LinkedHashMap<>();
  final Map<String, SourceRef> lines = new HashMap<>();
  /** Options written in this block itself (not inherited), for "only once" checks. */
  final java.util.Set<String> own = new java.util.HashSet<>();
  // device / kernel
  Integer scanTime;
  // direct
  List<InterfacePattern> interfaces = new ArrayList<>();
  // kernel
  KernelProtocol.Learn learn;
  boolean persist;
  boolean mergePaths;
  Integer mergePathsLimit;
  Integer kernelTable;
  Integer metric;
  // static
  List<StaticRoute> routes = new ArrayList<>();
  // bgp
  IpAddr localAddress;
  Integer localPort;
  Long localAs;
  IpAddr neighborAddress;
  String neighborInterface;
  Integer neighborPort;
  Long remoteAs;
  BgpProtocol.PeerType peerType;
  IpPrefix neighborRange;
  Boolean passive;
  Integer multihop;
  String interfaceName;
  IpAddr sourceAddress;
  Integer holdTime;
  Integer keepaliveTime;
  Integer connectRetryTime;
  boolean rrClient;
  Integer allowLocalAs;
  String password;
  Long defaultLocalPref;
  Long defaultMed;

  ProtocolDraft(String type) {
    this.type = type;
  }

  ProtocolDraft copy() {
    ProtocolDraft d = new ProtocolDraft(type);
    d.name = name;
    d.where = where;
    d.template = template;
    d.disabled = disabled;
    channels.forEach((k, v) -> d.channels.put(k, v.copy()));
    d.lines.putAll(lines);
    d.scanTime = scanTime;
    d.interfaces = new ArrayList<>(interfaces);
    d.learn = learn;
    d.persist = persist;
    d.mergePaths = mergePaths;
    d.mergePathsLimit = mergePathsLimit;
    d.kernelTable = kernelTable;
    d.metric = metric;
    d.routes = new ArrayList<>(routes);
    d.localAddress = localAddress;
    d.localPort = localPort;
    d.localAs = localAs;
    d.neighborAddress = neighborAddress;
    d.neighborInterface = neighborInterface;
    d.neighborPort = neighborPort;
    d.remoteAs = remoteAs;
    d.peerType = peerType;
    d.neighborRange = neighborRange;
    d.passive = passive;
    d.multihop = multihop;
    d.interfaceName = interfaceName;
    d.sourceAddress = sourceAddress;
    d.holdTime = holdTime;
    d.keepaliveTime = keepaliveTime;
    d.connectRetryTime = connectRetryTime;
    d.rrClient = rrClient;
    d.allowLocalAs = allowLocalAs;
    d.password = password;
    d.defaultLocalPref = defaultLocalPref;
    d.defaultMed = defaultMed;
    return d;
  }

  List<Channel> builtChannels() {
    return channels.values().stream().map(ChannelDraft::build).toList();
  }

  Protocol build() {
    return switch (type) {
      case "device" -> new DeviceProtocol(name, where, disabled, template, scanTime);
      case "direct" -> new DirectProtocol(name, where, disabled, template, builtChannels(), interfaces);
      case "kernel" -> new KernelProtocol(name, where, disabled, template, builtChannels(), learn, lines.get("learn"),
          persist, mergePaths, mergePathsLimit, lines.get("merge paths"), kernelTable, metric, lines.get("metric"), scanTime);
      case "static" -> new StaticProtocol(name, where, disabled, template, builtChannels(), routes);
      case "bgp" -> new BgpProtocol(name, where, disabled, template, builtChannels(), localAddress, localPort, localAs,
          neighborAddress, neighborInterface, neighborPort, remoteAs, peerType, neighborRange, passive, multihop,
          interfaceName, sourceAddress, holdTime, keepaliveTime, connectRetryTime, rrClient, allowLocalAs, password, defaultLocalPref, defaultMed, lines);
      default -> throw new IllegalStateException("unknown protocol type " + type);
    };
  }

  /** A channel while read. */
  static final class ChannelDraft {
    final String nettype;
    SourceRef where;
    String table;
    Policy importPolicy;
    Policy exportPolicy;
    Integer preference;
    Long importLimit;
    Long exportLimit;
    Channel.NextHopScope nextHopSelf;
    SourceRef nextHopSelfWhere;
    Channel.NextHopScope nextHopKeep;
    IpAddr nextHopAddress;
    Channel.Gateway gateway;
    SourceRef gatewayWhere;
    Boolean extendedNextHop;
    String addPaths;
    String igpTable;

    ChannelDraft(String nettype, SourceRef where) {
      this.nettype = nettype;
      this.where = where;
    }

    ChannelDraft copy() {
      ChannelDraft c = new ChannelDraft(nettype, where);
      c.table = table;
      c.importPolicy = importPolicy;
      c.exportPolicy = exportPolicy;
      c.preference = preference;
      c.importLimit = importLimit;
      c.exportLimit = exportLimit;
      c.nextHopSelf = nextHopSelf;
      c.nextHopSelfWhere = nextHopSelfWhere;
      c.nextHopKeep = nextHopKeep;
      c.nextHopAddress = nextHopAddress;
      c.gateway = gateway;
      c.gatewayWhere = gatewayWhere;
      c.extendedNextHop = extendedNextHop;
      c.addPaths = addPaths;
      c.igpTable = igpTable;
      return c;
    }

    Channel build() {
      return new Channel(nettype, where, table, importPolicy, exportPolicy, preference, importLimit, exportLimit,
          nextHopSelf, nextHopSelfWhere, nextHopKeep, nextHopAddress, gateway, gatewayWhere, extendedNextHop, addPaths, igpTable);
    }
  }
}
