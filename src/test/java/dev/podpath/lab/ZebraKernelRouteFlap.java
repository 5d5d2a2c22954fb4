package dev.podpath.lab;

import dev.podpath.lab.generate.GeneratedSnapshot;
import dev.podpath.lab.generate.GeneratorOptions;
import dev.podpath.lab.generate.TopologyGenerator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prefixes of a generated seed that flap for real on a host running both FRR and bird2 (the
 * generator's `localhost-peering`): FRR originates them with a staticd blackhole and `redistribute
 * static`, bird2 learns them over the localhost session and exports BGP routes to the kernel (proto
 * bird); zebra takes that kernel route (ZEBRA_ROUTE_KERNEL, distance 0) over its own static route
 * (distance 1), so the static route is no longer selected, bgpd withdraws it, bird2 removes its
 * kernel route, the static route is selected again, and so on every 2-4 s.
 * FRR 8.4.4 zebra/rt_netlink.c proto2zebra (RTPROT_BIRD -> ZEBRA_ROUTE_KERNEL); lab: namespace
 * pp-birdpath-1 with seed 191's r1 configs, 2026-11-26 (`show ipv6 route`: "Known via kernel, distance 0,
 * best" and "Known via static, distance 1, best" alternating; the kernel route alternates between
 * `unreachable ... proto bird metric 32` and `blackhole ... proto static metric 20`).
 */
final class ZebraKernelRouteFlap {

  private static final Map<Long, Set<String>> CACHE = new ConcurrentHashMap<>();
  private static final Pattern STATIC = Pattern.compile("(?m)^(ip|ipv6) route (\\S+) blackhole$");
  private static final Pattern NETWORK = Pattern.compile("(?m)^  network (\\S+)$");

  private ZebraKernelRouteFlap() {}

  /** The flapping prefixes of the seed's snapshot (GeneratorOptions.defaults()), as text. */
  static Set<String> prefixes(long seed) {
    return CACHE.computeIfAbsent(seed, s -> prefixes(TopologyGenerator.generate(s, GeneratorOptions.defaults())));
  }

  static Set<String> prefixes(GeneratedSnapshot snapshot) {
    Set<String> out = new TreeSet<>();
    Map<String, String> files = snapshot.files();
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (!e.getKey().endsWith("/frr.conf")) {
        continue;
      }
      String bird = files.get(e.getKey().replace("/frr.conf", "/bird.conf"));
      if (bird == null) {
        continue;
      }
      String frr = e.getValue();
      Matcher m = STATIC.matcher(frr);
      while (m.find()) {
        boolean v6 = m.group(1).equals("ipv6");
        String prefix = m.group(2);
        if (redistributesStatic(frr, v6) && !networks(frr).contains(prefix) && kernelExports(bird, v6)) {
          out.add(prefix);
        }
      }
    }
    return out;
  }

  /** `redistribute static` inside the family's `address-family ... unicast` block. */
  static boolean redistributesStatic(String frr, boolean v6) {
    int start = frr.indexOf("address-family " + (v6 ? "ipv6" : "ipv4") + " unicast");
    if (start < 0) {
      return false;
    }
    int end = frr.indexOf("exit-address-family", start);
    return frr.substring(start, end < 0 ? frr.length() : end).contains("redistribute static");
  }

  private static Set<String> networks(String frr) {
    Set<String> out = new TreeSet<>();
    Matcher m = NETWORK.matcher(frr);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** A `protocol kernel` of the family whose export is not `none` (the generator writes `all` or an RTS_BGP filter). */
  static boolean kernelExports(String bird, boolean v6) {
    int start = bird.indexOf("protocol kernel kernel" + (v6 ? "6" : "4"));
    if (start < 0) {
      return false;
    }
    int end = bird.indexOf("\n}", start);
    String block = bird.substring(start, end < 0 ? bird.length() : end);
    return block.contains("export ") && !block.contains("export none;");
  }

  /** Whether the difference's item names one of the prefixes (items read "fib main P proto", "rib frr default P"). */
  static boolean concerns(LabDifference d, Set<String> prefixes) {
    for (String w : d.item().split(" ")) {
      if (prefixes.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
