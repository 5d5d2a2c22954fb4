package dev.podpath.lab;

import dev.podpath.core.net.IfAddress;
import java.util.List;
import java.util.Map;

/** Started in a child JVM by {@link LabInterruptLabTest}: boots a small run, says so, then waits to be killed. */
public final class LabRunInChildJvm {

  private LabRunInChildJvm() {}

  public static void main(String[] args) throws Exception {
    LabHost r1 = new LabHost("r1", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::1/64")), null, null, null)),
        List.of(), Map.of(), new LabConfigText("hosts/r1/bird.conf",
            "router id 1.1.1.1;\nprotocol device {}\nprotocol bgp x { local as 1; neighbor fd00:1::2 as 2; ipv6 { import all; export all; }; }\n"),
        null);
    LabHost r2 = new LabHost("r2", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::2/64")), null, null, null)),
        List.of(), Map.of(), null, new LabConfigText("hosts/r2/frr.conf", "router bgp 2\n neighbor fd00:1::1 remote-as 1\n"));
    LabRun run = LabRun.start(new LabTopology(List.of(r1, r2), List.of(), List.of()), LabOptions.defaults(), LabListener.NONE);
    System.out.println("STARTED " + run.prefix() + " " + run.workDir());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
