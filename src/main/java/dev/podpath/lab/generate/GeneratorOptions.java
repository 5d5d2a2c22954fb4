package dev.podpath.lab.generate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the generator may produce. Random mode: {@code minRouters..maxRouters} routers (2-12),
 * drawing each {@code enabled} variation with its probability ({@code forced} ones always, when the
 * topology can hold them), one of {@code families}. Cluster mode ({@code cluster} not null): a
 * Kubernetes-like cluster instead (see {@link ClusterShape}).
 */
public record GeneratorOptions(
    int minRouters,
    int maxRouters,
    Set<Variation> enabled,
    Set<Variation> forced,
    Set<Family> families,
    ClusterShape cluster) {

  public static final int MIN_ROUTERS = 2;
  public static final int MAX_ROUTERS = 12;

  public GeneratorOptions {
    if (minRouters < MIN_ROUTERS || maxRouters > MAX_ROUTERS || minRouters > maxRouters) {
      throw new IllegalArgumentException("routers must be within " + MIN_ROUTERS + ".." + MAX_ROUTERS
          + " and min <= max: " + minRouters + ".." + maxRouters);
    }
    if (families.isEmpty()) {
      throw new IllegalArgumentException("at least one address family is needed");
    }
    enabled = Collections.unmodifiableSet(copy(enabled, Variation.class));
    forced = Collections.unmodifiableSet(copy(forced, Variation.class));
    families = Collections.unmodifiableSet(copy(families, Family.class));
    if (!enabled.containsAll(forced)) {
      throw new IllegalArgumentException("a forced variation must be enabled: " + forced);
    }
  }

  /** Every variation enabled, 2-12 routers, any family. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(MIN_ROUTERS, MAX_ROUTERS, EnumSet.allOf(Variation.class),
        EnumSet.noneOf(Variation.class), EnumSet.allOf(Family.class), null);
  }

  /** A cluster of {@code nodes} Kubernetes nodes (bird2 each) under two upstream FRR routers. */
  public static GeneratorOptions cluster(int nodes) {
    return cluster(nodes, 2);
  }

  /** A cluster of {@code nodes} nodes, each peering with every one of {@code upstreams} FRR routers. */
  public static GeneratorOptions cluster(int nodes, int upstreams) {
    return defaults().withCluster(new ClusterShape(nodes, upstreams, null));
  }

  public GeneratorOptions withCluster(ClusterShape shape) {
    return new GeneratorOptions(minRouters, maxRouters, enabled, forced, families, shape);
  }

  public GeneratorOptions withRouters(int min, int max) {
    return new GeneratorOptions(min, max, enabled, forced, families, cluster);
  }

  /** These variations switched off (also un-forced). */
  public GeneratorOptions without(Variation... off) {
    EnumSet<Variation> e = copy(enabled, Variation.class);
    EnumSet<Variation> f = copy(forced, Variation.class);
    for (Variation v : off) {
      e.remove(v);
      f.remove(v);
    }
    return new GeneratorOptions(minRouters, maxRouters, e, f, families, cluster);
  }

  /** Only these variations may appear. */
  public GeneratorOptions only(Variation... on) {
    EnumSet<Variation> e = EnumSet.noneOf(Variation.class);
    e.addAll(java.util.List.of(on));
    EnumSet<Variation> f = copy(forced, Variation.class);
    f.retainAll(e);
    return new GeneratorOptions(minRouters, maxRouters, e, f, families, cluster);
  }

  /** These variations are enabled and always attempted (focused tests). */
  public GeneratorOptions forcing(Variation... on) {
    EnumSet<Variation> e = copy(enabled, Variation.class);
    EnumSet<Variation> f = copy(forced, Variation.class);
    e.addAll(java.util.List.of(on));
    f.addAll(java.util.List.of(on));
    return new GeneratorOptions(minRouters, maxRouters, e, f, families, cluster);
  }

  public GeneratorOptions withFamilies(Family... fs) {
    EnumSet<Family> s = EnumSet.noneOf(Family.class);
    s.addAll(java.util.List.of(fs));
    return new GeneratorOptions(minRouters, maxRouters, enabled, forced, s, cluster);
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> s, Class<E> type) {
    EnumSet<E> out = EnumSet.noneOf(type);
    out.addAll(s);
    return out;
  }
}
