package dev.podpath.analysis.intent;

/** Which frontend of a Service a check targets, spelled as Kubernetes spells the Service types. */
public enum AddressType {
  CLUSTER_IP("ClusterIP"),
  LOAD_BALANCER("LoadBalancer"),
  NODE_PORT("NodePort"),
  EXTERNAL_IP("ExternalIP");

  private final String keyword;

  AddressType(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static AddressType fromKeyword(String s) {
    for (AddressType t : values()) {
      if (t.keyword.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
