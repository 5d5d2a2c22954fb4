package dev.podpath.dataplane;

import dev.podpath.core.net.IpAddr;

/** The header fields the walk rewrites: addresses, ports, protocol. */
public record Packet(IpAddr src, int srcPort, IpAddr dst, int dstPort, Protocol protocol) {

  public Packet withDst(IpAddr address, int port) {
    return new Packet(src, srcPort, address, port, protocol);
  }

  public Packet withSrc(IpAddr address, int port) {
    return new Packet(address, port, dst, dstPort, protocol);
  }

  /** The reply to this packet: addresses and ports swapped. */
  public Packet reversed() {
    return new Packet(dst, dstPort, src, srcPort, protocol);
  }

  public boolean v6() {
    return dst.v6();
  }

  static String hostPort(IpAddr a, int port) {
    return a.v6() ? "[" + a + "]:" + port : a + ":" + port;
  }

  @Override
  public String toString() {
    return hostPort(src, srcPort) + " -> " + hostPort(dst, dstPort) + " " + protocol;
  }
}
