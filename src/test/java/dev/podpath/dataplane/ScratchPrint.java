package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;

import dev.podpath.core.SourceRef;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchPrint {
  @Test
  void print() throws Exception {
    Method net = NorthSouthTest.class.getDeclaredMethod("net");
    net.setAccessible(true);
    TestNetwork n = (TestNetwork) net.invoke(null);
    Service svc = new Service("default/web", List.of(
        new Service.Frontend(Service.FrontendKind.LOAD_BALANCER, ip("10.101.250.10"), 80, Protocol.TCP)),
        List.of(new Service.Backend("default/b", ip("10.101.2.10"), 8080, "w2", false, SourceRef.NONE)), null, SourceRef.NONE);
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Outside(ip("203.0.113.7"), "r1", "eth1"), ip("10.101.250.10"), 80);
    System.out.println(PacketWalk.trace(f, DatapathSettings.kprDefaults(), n, ServiceTable.of(List.of(svc)), n));
    System.out.println(PacketWalk.trace(f, DatapathSettings.kprDefaults().withLbMode(LbMode.DSR, false), n, ServiceTable.of(List.of(svc)), n));
  }
}
