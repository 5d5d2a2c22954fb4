package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.bench.ClusterGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's cluster, small: every node learns every other node's pod CIDR via an upstream. */
class GeneratedClusterTest {

  @Test
  void everyNodeRoutesEveryOtherPodCidrThroughAnUpstream() {
    int n = 40;
    ControlPlaneResult r = ControlPlane.compute(ClusterGenerator.network(n), ClusterGenerator.daemons(n), List.of());
    assertThat(r.converged()).isTrue();
    assertThat(r.sessions()).hasSize(4 * n).allMatch(SessionResult::established);
    for (int i = 0; i < n; i++) {
      KernelFib f = r.fib(String.format("n%05d", i));
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        FibMatch m = f.lookup(null, ClusterGenerator.podCidr(j).network()).orElseThrow();
        assertThat(m.gateway().toString()).isIn("fd00:1::1", "fd00:1::2");
      }
    }
  }
}
