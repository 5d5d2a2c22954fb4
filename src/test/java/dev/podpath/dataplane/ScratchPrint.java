package dev.podpath.dataplane;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchPrint {
  @Test
  void print() {
    TestNetwork net = Fixtures.seedNetwork();
    ServiceTable st = ServiceTable.of(List.of(Fixtures.kubernetesService()));
    System.out.println(PacketWalk.trace(Fixtures.corednsToKubernetes(), Fixtures.seedSettings(), net, st, net));
    TestNetwork net2 = Fixtures.seedNetwork().route("cp1", "fd00:101:224:1::/80 via fd00:101::21 dev eth0 proto bird");
    System.out.println(PacketWalk.trace(Fixtures.corednsToKubernetes(), Fixtures.seedSettings(), net2, st, net2));
  }
}
