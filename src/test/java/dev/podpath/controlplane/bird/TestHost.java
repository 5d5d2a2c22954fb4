package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.IncludeResolver;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A small hand-built host for daemon tests (a real HostView, no mocks). */
record TestHost(String host, List<HostView.Interface> interfaces, List<KernelRoute> kernelRoutes) implements HostView {

  static TestHost node(String... ifaceSpecs) {
    List<HostView.Interface> l = new ArrayList<>();
    l.add(new HostView.Interface("lo", List.of(IfAddress.parse("127.0.0.1/8"), IfAddress.parse("::1/128")), null, true));
    for (String spec : ifaceSpecs) {
      String[] p = spec.split("=");
      List<IfAddress> addrs = new ArrayList<>();
      for (String a : p[1].split(",")) {
        addrs.add(IfAddress.parse(a));
      }
      l.add(new HostView.Interface(p[0], addrs, null, true));
    }
    return new TestHost("n1", l, List.of());
  }

  TestHost withLoopback(String address) {
    List<HostView.Interface> l = new ArrayList<>();
    for (HostView.Interface i : interfaces) {
      if (i.name().equals("lo")) {
        List<IfAddress> a = new ArrayList<>(i.addresses());
        a.add(IfAddress.parse(address));
        l.add(new HostView.Interface("lo", a, null, true));
      } else {
        l.add(i);
      }
    }
    return new TestHost(host, l, kernelRoutes);
  }

  TestHost withKernelRoute(String prefix, String via, String dev, String proto) {
    List<KernelRoute> k = new ArrayList<>(kernelRoutes);
    k.add(new KernelRoute("main", IpPrefix.parse(prefix), KernelRoute.Type.UNICAST,
        via == null ? List.of() : List.of(new KernelRoute.NextHop(IpAddr.parse(via), dev)), dev, 1024, proto, proto,
        SourceRef.of("hosts/n1/host.yaml", 9)));
    return new TestHost(host, interfaces, k);
  }

  @Override
  public Optional<HostView.Interface> connectedInterface(IpAddr a, String vrf) {
    for (HostView.Interface i : interfaces) {
      for (IfAddress ad : i.addresses()) {
        if (ad.length() < ad.address().bits() && ad.prefix().contains(a) && !ad.address().isLoopback()) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isLocalAddress(IpAddr a) {
    return interfaces.stream().flatMap(i -> i.addresses().stream()).anyMatch(x -> x.address().equals(a)) || a.isLoopback();
  }

  static BirdDaemon daemon(String conf, TestHost h) {
    return daemon(conf, h, BirdVersion.V2_0_12);
  }

  static BirdDaemon daemon(String conf, TestHost h, BirdVersion v) {
    BirdParseResult r = BirdConfigParser.parse(conf, "hosts/n1/bird.conf", IncludeResolver.none(), v);
    return new BirdDaemon("n1", r, h);
  }

  static SessionContext session(String id, String local, String remote, long localAs, long remoteAs, String sharedIface) {
    boolean v6 = IpAddr.parse(remote).v6();
    return new SessionContext(id, IpAddr.parse(local), null, IpAddr.parse(remote), localAs, remoteAs, IpAddr.parse("10.9.9." + (remoteAs % 200)),
        sharedIface != null, sharedIface, Set.of(AddressFamily.of(v6)), "peer", "peer");
  }

  static BgpRoute route(String prefix, String nextHop, long... path) {
    return new BgpRoute(IpPrefix.parse(prefix), new BgpAttributes(Origin.IGP, AsPath.of(path), IpAddr.parse(nextHop), null, null, null,
        new TreeSet<>(), Set.of(), null, List.of()));
  }
}
