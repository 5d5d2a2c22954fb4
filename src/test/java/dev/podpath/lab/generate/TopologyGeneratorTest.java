package dev.podpath.lab.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyGeneratorTest {

  static final int SEEDS = 200;

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      GeneratedSnapshot a = TopologyGenerator.generate(seed, GeneratorOptions.defaults());
      GeneratedSnapshot b = TopologyGenerator.generate(seed, GeneratorOptions.defaults());
      assertThat(b.files()).isEqualTo(a.files());
      assertThat(b.features()).isEqualTo(a.features());
      Path d1 = tmp.resolve(seed + "-a");
      Path d2 = tmp.resolve(seed + "-b");
      a.writeTo(d1);
      TopologyGenerator.write(seed, GeneratorOptions.defaults(), d2);
      assertThat(readTree(d2)).isEqualTo(readTree(d1));
    }
  }

  @Test
  void differentSeedsGiveDifferentSnapshots() {
    Set<Map<String, String>> seen = new HashSet<>();
    for (long seed = 1; seed <= 100; seed++) {
      Map<String, String> files = new TreeMap<>(TopologyGenerator.generate(seed, GeneratorOptions.defaults()).files());
      // Names and comments carry the seed; compare what is left.
      files.replaceAll((k, v) -> v.replaceAll("seed -?\\d+|random-\\d+|generate \\d+", ""));
      assertThat(seen.add(files)).as("seed %d repeats an earlier snapshot", seed).isTrue();
    }
  }

  @Test
  void everyVariationAndBothSessionTypesAppearAcross200Seeds() {
    Map<String, Integer> counts = new TreeMap<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (String f : TopologyGenerator.generate(seed, GeneratorOptions.defaults()).features()) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    List<String> wanted = new ArrayList<>(List.of("ipv4", "ipv6", "dual-stack", "bird2", "frr", "ebgp", "ibgp"));
    for (Variation v : Variation.values()) {
      wanted.add(v.key());
    }
    assertThat(counts).containsKeys(wanted.toArray(String[]::new));
    // Each variation is a real mix: not in every snapshot either.
    for (Variation v : Variation.values()) {
      assertThat(counts.get(v.key())).as(v.key()).isLessThan(SEEDS);
    }
  }

  @Test
  void routerCountsSpanTwoToTwelve() {
    Set<Integer> sizes = new HashSet<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      long hosts = TopologyGenerator.generate(seed, GeneratorOptions.defaults()).files().keySet().stream()
          .filter(k -> k.endsWith("/host.yaml")).count();
      assertThat(hosts).isBetween(2L, 12L);
      sizes.add((int) hosts);
    }
    assertThat(sizes).contains(2, 12);
  }

  @Test
  void switchedOffVariationsNeverAppear() {
    for (Variation off : Variation.values()) {
      GeneratorOptions o = GeneratorOptions.defaults().without(off);
      for (long seed = 1; seed <= 60; seed++) {
        assertThat(TopologyGenerator.generate(seed, o).features()).as("seed %d without %s", seed, off)
            .doesNotContain(off.key());
      }
    }
  }

  @Test
  void noVariationsLeavesThePlainCore() {
    GeneratorOptions o = GeneratorOptions.defaults().only();
    for (long seed = 1; seed <= 60; seed++) {
      GeneratedSnapshot s = TopologyGenerator.generate(seed, o);
      assertThat(s.features()).isSubsetOf("ipv4", "ipv6", "dual-stack", "bird2", "frr", "ebgp", "ibgp");
      for (var e : s.files().entrySet()) {
        if (e.getKey().equals("snapshot.yaml")) {
          continue;  // its notes name the variations switched off
        }
        assertThat(e.getValue()).as(e.getKey()).doesNotContain("multihop", "rr client", "route-reflector-client",
            "allow local as", "allowas-in", "prefix-list", "protocol kernel", "next hop", "neighbor ::1 ", "127.0.0.1");
      }
    }
  }

  @Test
  void forcedVariationsAppearWheneverTheTopologyHoldsThem() {
    for (Variation v : List.of(Variation.LOCALHOST, Variation.MULTIHOP, Variation.PREFIX_FILTER, Variation.RFC8212,
        Variation.KERNEL_EXPORT_NONE, Variation.STATIC_UNREACHABLE)) {
      GeneratorOptions o = GeneratorOptions.defaults().forcing(v).withRouters(4, 12);
      int hits = 0;
      for (long seed = 1; seed <= 40; seed++) {
        hits += TopologyGenerator.generate(seed, o).has(v) ? 1 : 0;
      }
      assertThat(hits).as(v.key()).isGreaterThanOrEqualTo(30);
    }
    // A route reflector needs three routers on one segment, so always with one segment and 3+ routers.
    GeneratorOptions rr = GeneratorOptions.defaults().forcing(Variation.ROUTE_REFLECTOR).without(Variation.MULTI_HOMED)
        .withRouters(3, 12);
    for (long seed = 1; seed <= 40; seed++) {
      assertThat(TopologyGenerator.generate(seed, rr).has(Variation.ROUTE_REFLECTOR)).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void familyOptionIsObeyed() {
    for (long seed = 1; seed <= 40; seed++) {
      SnapshotFacts v6 = SnapshotFacts.of(TopologyGenerator.generate(seed, GeneratorOptions.defaults()
          .withFamilies(Family.IPV6)).files());
      assertThat(v6.allAddresses()).allMatch(IfAddress::v6);
      SnapshotFacts v4 = SnapshotFacts.of(TopologyGenerator.generate(seed, GeneratorOptions.defaults()
          .withFamilies(Family.IPV4)).files());
      assertThat(v4.allAddresses()).noneMatch(IfAddress::v6);
    }
  }

  @Test
  void addressesAreUniqueAndSessionsDeclaredOnBothEnds() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      assertConsistent(TopologyGenerator.generate(seed, GeneratorOptions.defaults()), "seed " + seed);
    }
  }

  /**
   * Every address on exactly one interface; a named segment has one set of prefixes; static routes
   * go via a connected neighbor to another host's address; each neighbor is declared back exactly
   * once, with matching ASNs, on its owner (or on the same host for a localhost session).
   */
  static void assertConsistent(GeneratedSnapshot s, String at) {
    SnapshotFacts f = SnapshotFacts.of(s.files());
    // Every address is owned by exactly one interface.
    Map<IpAddr, String> owner = new HashMap<>();
    for (var l : f.interfaces().values()) {
      for (var i : l) {
        for (IfAddress a : i.addresses()) {
          assertThat(owner.put(a.address(), i.host() + "/" + i.name())).as(at + " " + a).isNull();
        }
      }
    }
    // Interfaces on one named segment share its prefixes; different segments never do.
    Map<String, Set<IpPrefix>> bySegment = new HashMap<>();
    for (var l : f.interfaces().values()) {
      for (var i : l) {
        if (i.segment() != null) {
          Set<IpPrefix> p = new HashSet<>();
          i.addresses().forEach(a -> p.add(a.prefix()));
          Set<IpPrefix> before = bySegment.putIfAbsent(i.segment(), p);
          assertThat(before == null || before.equals(p)).as(at + " segment " + i.segment()).isTrue();
        }
      }
    }
    assertThat(new HashSet<>(bySegment.values())).as(at).hasSameSizeAs(bySegment.values());
    // Static routes go via a neighbor on a connected prefix, to another host's loopback.
    for (var r : f.routes()) {
      assertThat(f.interfaces().get(r.host()).stream().flatMap(i -> i.addresses().stream())
          .anyMatch(a -> a.prefix().contains(r.via()))).as(at + " " + r).isTrue();
      assertThat(f.owner(IpPrefix.parse(r.to()).network())).as(at + " " + r).isNotNull().isNotEqualTo(r.host());
    }
    // Each neighbor address is another daemon's: on another host, or on this host over localhost.
    for (SnapshotFacts.Daemon d : f.daemons()) {
      for (SnapshotFacts.Neighbor n : d.neighbors()) {
        String host = n.address().isLoopback() ? d.host() : f.owner(n.address());
        assertThat(host).as(at + " " + d.host() + " neighbor " + n.address()).isNotNull();
        boolean sameHost = host.equals(d.host());
        if (sameHost) {
          // Only the two daemons of one host peer on that host, over one local address.
          assertThat(n.local()).as(at + " " + d.host() + " same-host session").isIn(n.address(), null);
        }
        List<SnapshotFacts.Daemon> peers = f.daemons().stream().filter(p -> p.host().equals(host) && p != d)
            .filter(p -> p.asn() == n.asn())
            .filter(p -> p.neighbors().stream().anyMatch(back -> back.asn() == d.asn()
                && (sameHost ? back.address().equals(n.address()) : d.host().equals(f.owner(back.address())))))
            .toList();
        assertThat(peers).as(at + " " + d.host() + " -> " + n.address() + " declared back once").hasSize(1);
      }
    }
  }

  @Test
  void configsContainNothingTheLabRefuses() {
    Pattern refused = Pattern.compile("(?m)^\\s*(include\\b|log \"|log file|log filtered-file|dump |rpki)");
    Pattern ifName = Pattern.compile("[A-Za-z0-9_.@:+-]{1,15}");
    for (long seed = 1; seed <= SEEDS; seed++) {
      GeneratedSnapshot s = TopologyGenerator.generate(seed, GeneratorOptions.defaults());
      for (var e : s.files().entrySet()) {
        assertThat(refused.matcher(e.getValue()).find()).as("seed %d %s", seed, e.getKey()).isFalse();
        assertThat(e.getValue()).doesNotContain("\"/", "\"~", "\"./", " /", "netns");
      }
      SnapshotFacts f = SnapshotFacts.of(s.files());
      f.interfaces().values().forEach(l -> l.forEach(i -> assertThat(i.name()).matches(ifName)));
      assertThat(s.files()).containsKey("snapshot.yaml").doesNotContainKey("expect.yaml");
      assertThat(s.files().get("snapshot.yaml")).startsWith("name: random-" + seed + "\n");
      dev.podpath.ingest.yaml.YamlReader.read(s.files().get("snapshot.yaml"), "snapshot.yaml");
    }
  }

  @Test
  void notesNameNonDefaultOptionsSoTheSeedCanBeReplayed() {
    String plain = TopologyGenerator.generate(3, GeneratorOptions.defaults()).files().get("snapshot.yaml");
    assertThat(plain).contains("replay: podpath lab --generate 3").doesNotContain("with options");
    String focused = TopologyGenerator.generate(3, GeneratorOptions.defaults().without(Variation.MULTIHOP)
        .forcing(Variation.LOCALHOST).withRouters(3, 5).withFamilies(Family.IPV6)).files().get("snapshot.yaml");
    assertThat(focused).contains("routers 3..5", "families [ipv6]", "off [multihop-loopback]", "forced [localhost-peering]");
  }

  @Test
  void everyIpv6InterfaceHasOneLinkLocalAddressUniqueOnItsSegment() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      SnapshotFacts f = SnapshotFacts.of(TopologyGenerator.generate(seed, GeneratorOptions.defaults()).files());
      Map<String, Set<IpAddr>> perSegment = new HashMap<>();
      for (List<SnapshotFacts.Iface> ifs : f.interfaces().values()) {
        for (SnapshotFacts.Iface i : ifs) {
          List<IfAddress> ll = i.addresses().stream().filter(a -> a.address().isLinkLocal()).toList();
          boolean v6 = i.addresses().stream().anyMatch(a -> a.v6() && !a.address().isLinkLocal());
          if (!v6 || i.name().equals("lo")) {
            assertThat(ll).as("seed %d %s %s", seed, i.host(), i.name()).isEmpty();
            continue;
          }
          assertThat(ll).as("seed %d %s %s", seed, i.host(), i.name()).singleElement()
              .satisfies(a -> assertThat(a.length()).isEqualTo(64));
          assertThat(perSegment.computeIfAbsent(i.segment(), k -> new HashSet<>()).add(ll.get(0).address()))
              .as("seed %d: %s repeats on segment %s", seed, ll.get(0), i.segment()).isTrue();
        }
      }
    }
  }

  @Test
  void optionsRefuseNonsense() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> GeneratorOptions.defaults().withRouters(1, 5));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> GeneratorOptions.defaults().withRouters(3, 13));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> GeneratorOptions.defaults().withFamilies());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> GeneratorOptions.cluster(0));
    assertThat(GeneratorOptions.defaults().only(Variation.MULTIHOP).enabled())
        .isEqualTo(EnumSet.of(Variation.MULTIHOP));
  }

  static Map<String, String> readTree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }
}
