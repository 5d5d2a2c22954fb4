package dev.podpath.dataplane;

import java.util.List;

/** Every Service the load balancer knows, with frontends and ready backends. */
public interface ServiceTable {

  List<Service> services();

  static ServiceTable of(List<Service> services) {
    List<Service> copy = List.copyOf(services);
    return () -> copy;
  }
}
