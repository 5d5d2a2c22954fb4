package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/**
 * A stand-in pod on node {@code host}: its own namespace holding {@code address}, reached from the
 * node through a veth ({@code lxcN} on the node, {@code eth0} in the pod) that stands in for
 * cilium_host and the pod's lxc device. The node routes {@code podCidr} to that veth (the first
 * pod of a CIDR; later ones get a host route), as Cilium routes its PodCIDR to cilium_host.
 */
public record LabPod(String host, String name, IpPrefix podCidr, IpAddr address) {

  public LabPod {
    if (!podCidr.contains(address)) {
      throw new IllegalArgumentException("pod " + name + ": " + address + " is not in " + podCidr);
    }
    if (podCidr.length() >= podCidr.network().bits() - 1) {
      throw new IllegalArgumentException("pod " + name + ": " + podCidr + " is too small for a gateway and a pod");
    }
    if (address.equals(podCidr.network().plus(1)) || address.equals(podCidr.network())) {
      throw new IllegalArgumentException("pod " + name + ": " + address + " is reserved in " + podCidr);
    }
  }

  /** The node-side address of the pod's veth: the CIDR's first address (Cilium's router IP plays this role). */
  public IpAddr gateway() {
    return podCidr.network().plus(1);
  }
}
