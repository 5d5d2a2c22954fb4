package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.Map;
import java.util.TreeMap;

/** One end of a flow check, as written: which pods, Service, nodes, router or address. */
public sealed interface Endpoint {

  /** The line that wrote this selector. */
  SourceRef where();

  /** Short text for intent names, e.g. {@code pod kube-system/coredns-0}, {@code svc default/kubernetes:443}. */
  String describe();

  /** Pods by namespace, name, labels (all must match) and node; null fields match anything. */
  record PodSelector(String namespace, String name, Map<String, String> labels, String node, SourceRef where)
      implements Endpoint {
    public PodSelector {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public String describe() {
      if (name != null) {
        return "pod " + (namespace == null ? "default" : namespace) + "/" + name;
      }
      StringBuilder sb = new StringBuilder("pods");
      if (namespace != null) {
        sb.append(" in ").append(namespace);
      }
      if (!labels.isEmpty()) {
        sb.append(' ').append(new TreeMap<>(labels));
      }
      if (node != null) {
        sb.append(" on ").append(node);
      }
      return sb.toString();
    }
  }

  /**
   * A pod podpath invents on {@code node}, addressed inside the node's pod CIDR, because the
   * snapshot has no pod there (default intents only).
   */
  record SyntheticPod(String node, SourceRef where) implements Endpoint {
    @Override
    public String describe() {
      return "pod@" + node;
    }
  }

  /** A Service's frontend of one address type; {@code port} is a port number or name, null = every port. */
  record ServiceSelector(String namespace, String name, String port, AddressType addressType, SourceRef where)
      implements Endpoint {
    @Override
    public String describe() {
      String kind = switch (addressType) {
        case CLUSTER_IP -> "svc ";
        case LOAD_BALANCER -> "lb ";
        case NODE_PORT -> "nodeport ";
        case EXTERNAL_IP -> "externalip ";
      };
      return kind + namespace + "/" + name + (port == null ? "" : ":" + port);
    }
  }

  /** Nodes by name, labels and role (control-plane | worker); null fields match anything. */
  record NodeSelector(String name, Map<String, String> labels, String role, SourceRef where) implements Endpoint {
    public NodeSelector {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public String describe() {
      if (name != null) {
        return "node " + name;
      }
      return "nodes" + (role == null ? "" : " " + role) + (labels.isEmpty() ? "" : " " + new TreeMap<>(labels));
    }
  }

  /** A modelled host that is not a Kubernetes node, by its hosts/ folder name. */
  record RouterRef(String host, SourceRef where) implements Endpoint {
    @Override
    public String describe() {
      return "router " + host;
    }
  }

  /**
   * An address. As a destination any address; as a source an address outside the model whose
   * packets enter the model at {@code enterHost} on {@code enterIface} (both required then).
   */
  record AddressRef(IpAddr address, String enterHost, String enterIface, SourceRef where) implements Endpoint {
    @Override
    public String describe() {
      return enterHost == null ? "address " + address : "address " + address + " via " + enterHost + "/" + enterIface;
    }
  }
}
