package dev.podpath.ingest.kubernetes;

import static dev.podpath.ingest.DocFields.child;
import static dev.podpath.ingest.DocFields.item;

import dev.podpath.ingest.DocFields;
import java.util.Set;

/**
 * Address fields of built-in kinds that fabric8 keeps as plain strings: an invalid address or
 * CIDR there is an input problem at its line (the API server would have refused the object).
 */
final class BuiltinChecks {

  private BuiltinChecks() {}

  static void check(DocFields f, String kind) {
    switch (kind) {
      case "Node" -> {
        f.prefix("spec.podCIDR");
        eachPrefix(f, "spec.podCIDRs");
        for (int i = 0; i < f.size("status.addresses"); i++) {
          String p = item("status.addresses", i);
          // only these address types carry IPs; Hostname/InternalDNS carry names
          if (Set.of("InternalIP", "ExternalIP").contains(f.string(child(p, "type")))) {
            f.ip(child(p, "address"));
          }
        }
      }
      case "Service" -> {
        clusterIp(f, "spec.clusterIP");
        for (int i = 0; i < f.size("spec.clusterIPs"); i++) {
          clusterIp(f, item("spec.clusterIPs", i));
        }
        eachIp(f, "spec.externalIPs");
        if (f.string("spec.loadBalancerIP") != null && !f.string("spec.loadBalancerIP").isEmpty()) {
          f.ip("spec.loadBalancerIP");
        }
        for (int i = 0; i < f.size("status.loadBalancer.ingress"); i++) {
          f.ip(child(item("status.loadBalancer.ingress", i), "ip"));
        }
      }
      case "EndpointSlice" -> {
        // discovery.k8s.io/v1: addressType FQDN slices carry names, not IPs
        if (!"FQDN".equals(f.string("addressType"))) {
          for (int i = 0; i < f.size("endpoints"); i++) {
            eachIp(f, child(item("endpoints", i), "addresses"));
          }
        }
      }
      case "Endpoints" -> {
        for (int i = 0; i < f.size("subsets"); i++) {
          String s = item("subsets", i);
          for (String list : new String[] {"addresses", "notReadyAddresses"}) {
            for (int j = 0; j < f.size(child(s, list)); j++) {
              f.ip(child(item(child(s, list), j), "ip"));
            }
          }
        }
      }
      case "Pod" -> {
        f.ip("status.podIP");
        f.ip("status.hostIP");
        for (int i = 0; i < f.size("status.podIPs"); i++) {
          f.ip(child(item("status.podIPs", i), "ip"));
        }
      }
      default -> { }
    }
  }

  // A headless Service writes "None"; an unset one may be "" in hand-written files.
  private static void clusterIp(DocFields f, String path) {
    String v = f.string(path);
    if (v != null && !v.isEmpty() && !"None".equals(v)) {
      f.ip(path);
    }
  }

  private static void eachIp(DocFields f, String path) {
    for (int i = 0; i < f.size(path); i++) {
      f.ip(item(path, i));
    }
  }

  private static void eachPrefix(DocFields f, String path) {
    for (int i = 0; i < f.size(path); i++) {
      f.prefix(item(path, i));
    }
  }
}
