package dev.podpath.lab.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Any seed with any options: generation succeeds, is deterministic and stays consistent. */
class GeneratorProperties {

  @Property(tries = 300)
  void anySeedAndOptionsGiveAConsistentSnapshot(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int a,
      @ForAll @IntRange(min = 2, max = 12) int b,
      @ForAll("variations") Set<Variation> enabled,
      @ForAll("variations") Set<Variation> forced,
      @ForAll("families") Set<Family> families) {
    EnumSet<Variation> e = EnumSet.noneOf(Variation.class);
    e.addAll(enabled);
    e.addAll(forced);
    GeneratorOptions o = new GeneratorOptions(Math.min(a, b), Math.max(a, b), e, forced, families, null);
    GeneratedSnapshot s = TopologyGenerator.generate(seed, o);
    assertThat(TopologyGenerator.generate(seed, o).files()).isEqualTo(s.files());
    TopologyGeneratorTest.assertConsistent(s, "seed " + seed + " " + o);
    for (Variation v : Variation.values()) {
      if (!e.contains(v)) {
        assertThat(s.features()).doesNotContain(v.key());
      }
    }
    long hosts = s.files().keySet().stream().filter(k -> k.endsWith("/host.yaml")).count();
    assertThat(hosts).isBetween((long) o.minRouters(), (long) o.maxRouters());
  }

  @Provide
  Arbitrary<Set<Variation>> variations() {
    return Arbitraries.of(Variation.class).set();
  }

  @Provide
  Arbitrary<Set<Family>> families() {
    return Arbitraries.of(Family.class).set().ofMinSize(1);
  }
}
