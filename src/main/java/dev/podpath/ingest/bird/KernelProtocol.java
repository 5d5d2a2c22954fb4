package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * `protocol kernel`: syncs one BIRD table with one kernel table (BIRD manual "Kernel";
 * sysdep/unix/krt.Y, sysdep/linux/netlink.Y). Null options take BIRD's defaults in the daemon.
 *
 * @param learn null = not written (off)
 * @param kernelTable `kernel table N`, null = main (254)
 * @param metric `metric N`, null = 32
 */
public record KernelProtocol(
    String name,
    SourceRef where,
    boolean disabled,
    String template,
    List<Channel> channels,
    Learn learn,
    SourceRef learnWhere,
    boolean persist,
    boolean mergePaths,
    Integer mergePathsLimit,
    SourceRef mergePathsWhere,
    Integer kernelTable,
    Integer metric,
    SourceRef metricWhere,
    Integer scanTime)
    implements Protocol {
  public KernelProtocol {
    channels = List.copyOf(channels);
  }

  /** `learn off|on|all`: ALL (also `proto kernel` routes) exists only since BIRD 2.14. */
  public enum Learn {
    OFF,
    ALIEN,
    ALL
  }
}
