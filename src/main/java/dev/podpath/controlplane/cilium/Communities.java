package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.model.routing.Community;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The communities of a CiliumBGPAdvertisement's attributes, as the 32-bit values GoBGP sends. */
final class Communities {

  /**
   * attributes.communities.wellKnown names (bgp_advert_types.go enum) -> value: GoBGP
   * pkg/packet/bgp WellKnownCommunityNameMap, values from RFC 1997 / IANA "BGP Well-known Communities".
   */
  static final Map<String, Long> WELL_KNOWN = Map.ofEntries(
      Map.entry("internet", 0x00000000L), Map.entry("planned-shut", 0xffff0000L), Map.entry("accept-own", 0xffff0001L),
      Map.entry("route-filter-translated-v4", 0xffff0002L), Map.entry("route-filter-v4", 0xffff0003L),
      Map.entry("route-filter-translated-v6", 0xffff0004L), Map.entry("route-filter-v6", 0xffff0005L),
      Map.entry("llgr-stale", 0xffff0006L), Map.entry("no-llgr", 0xffff0007L), Map.entry("blackhole", 0xffff029aL),
      Map.entry("no-export", 0xffffff01L), Map.entry("no-advertise", 0xffffff02L),
      Map.entry("no-export-subconfed", 0xffffff03L), Map.entry("no-peer", 0xffffff04L));

  private Communities() {}

  /** Standard ("65000:100" or a decimal 32-bit value) and well-known names; large communities are reported, not carried. */
  static SortedSet<Community> of(List<String> standard, List<String> wellKnown, List<String> large, SourceRef where,
      Collection<Finding> findings) {
    SortedSet<Community> out = new TreeSet<>();
    for (String s : standard) {
      Community c = parse(s.strip());
      if (c == null) {
        findings.add(Finding.warning("cilium-bgp/bad-community", "standard community '" + s
            + "' is neither ASN:value nor a 32-bit number; podpath leaves it out", where));
      } else {
        out.add(c);
      }
    }
    for (String w : wellKnown) {
      Long v = WELL_KNOWN.get(w.strip());
      if (v == null) {
        findings.add(Finding.warning("cilium-bgp/bad-community", "unknown well-known community '" + w + "'; podpath leaves it out", where));
      } else {
        out.add(new Community(v));
      }
    }
    if (!large.isEmpty()) {
      findings.add(Finding.info("cilium-bgp/large-community-not-modelled", "large communities " + large
          + " are sent by Cilium but not modelled by podpath", where));
    }
    return out;
  }

  private static Community parse(String s) {
    try {
      int colon = s.indexOf(':');
      if (colon < 0) {
        long v = Long.parseLong(s);
        return v >= 0 && v <= 0xffffffffL ? new Community(v) : null;
      }
      long hi = Long.parseLong(s.substring(0, colon));
      long lo = Long.parseLong(s.substring(colon + 1));
      return hi >= 0 && hi <= 0xffff && lo >= 0 && lo <= 0xffff ? Community.of(hi, lo) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
