package dev.podpath.dataplane;

import dev.podpath.core.net.IpAddr;
import java.util.Objects;

/**
 * What to trace: a source, a destination address and port (a Service frontend, a pod, a node or
 * any address), the protocol, and the client's source port.
 */
public record FlowSpec(Source source, IpAddr dst, int dstPort, Protocol protocol, int srcPort) {

  public static final int DEFAULT_SOURCE_PORT = 40000;

  public FlowSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(protocol, "protocol");
  }

  public static FlowSpec tcp(Source source, IpAddr dst, int dstPort) {
    return new FlowSpec(source, dst, dstPort, Protocol.TCP, DEFAULT_SOURCE_PORT);
  }

  public FlowSpec withProtocol(Protocol p) {
    return new FlowSpec(source, dst, dstPort, p, srcPort);
  }

  /** Where a flow starts. */
  public sealed interface Source {
    /** A pod (its own network namespace) with this address. */
    record Pod(IpAddr address) implements Source {
      @Override
      public String toString() {
        return "pod " + address;
      }
    }

    /** A process in the host network namespace of a node (kubelet, a hostNetwork pod). */
    record HostProcess(String host, IpAddr address) implements Source {
      @Override
      public String toString() {
        return "host " + host + (address == null ? "" : " (" + address + ")");
      }
    }

    /** A process on a modelled router (no Cilium, no kube-proxy). */
    record Router(String host, IpAddr address) implements Source {
      @Override
      public String toString() {
        return "router " + host + " (" + address + ")";
      }
    }

    /** An address outside the model whose packets enter at {@code host} on {@code iface}. */
    record Outside(IpAddr address, String host, String iface) implements Source {
      @Override
      public String toString() {
        return "outside " + address + " via " + host + "/" + iface;
      }
    }
  }
}
