package dev.podpath.dataplane.assembly;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;

/** A Kubernetes node: labels, InternalIPs (status.addresses) and pod CIDRs, with its source line. */
public record ClusterNode(String name, Map<String, String> labels, List<IpAddr> internalIps,
    List<IpPrefix> podCidrs, SourceRef where) {

  /** kubeadm/Talos role label: node-role.kubernetes.io/control-plane (or the older .../master). */
  public static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
  public static final String MASTER_LABEL = "node-role.kubernetes.io/master";

  public ClusterNode {
    labels = Map.copyOf(labels);
    internalIps = List.copyOf(internalIps);
    podCidrs = List.copyOf(podCidrs);
  }

  public boolean controlPlane() {
    return labels.containsKey(CONTROL_PLANE_LABEL) || labels.containsKey(MASTER_LABEL);
  }

  public String role() {
    return controlPlane() ? "control-plane" : "worker";
  }
}
