package dev.podpath.model.network;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * design.md: "Two interfaces are on one L2 segment when they carry addresses of the same connected
 * prefix, unless `segment:` names one." Unnamed interfaces are grouped by shared prefix
 * (union-find); a group whose prefixes are carried by exactly one named segment joins it.
 * Host prefixes (/32, /128) and loopback never make a segment.
 */
record SegmentInference(List<Segment> segments, Map<Segment.Member, String> segmentOf, List<Finding> findings) {

  static SegmentInference infer(Collection<Host> hosts) {
    List<Segment.Member> members = new ArrayList<>();
    Map<Segment.Member, Interface> ifOf = new HashMap<>();
    for (Host h : hosts) {
      for (Interface i : h.interfaces()) {
        if (i.loopback()) {
          continue;
        }
        Segment.Member m = new Segment.Member(h.name(), i.name());
        members.add(m);
        ifOf.put(m, i);
      }
    }
    int n = members.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // prefix -> indexes of unnamed interfaces carrying it; prefix -> named segments carrying it
    Map<IpPrefix, List<Integer>> unnamedByPrefix = new TreeMap<>();
    Map<IpPrefix, TreeSet<String>> namedByPrefix = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Interface itf = ifOf.get(members.get(i));
      for (IfAddress a : itf.addresses()) {
        if (a.length() == a.address().bits() || a.address().isLinkLocal()) {
          continue;
        }
        if (itf.declaredSegment() != null) {
          namedByPrefix.computeIfAbsent(a.prefix(), k -> new TreeSet<>()).add(itf.declaredSegment());
        } else {
          unnamedByPrefix.computeIfAbsent(a.prefix(), k -> new ArrayList<>()).add(i);
        }
      }
    }
    for (List<Integer> idx : unnamedByPrefix.values()) {
      for (int k = 1; k < idx.size(); k++) {
        union(parent, idx.get(0), idx.get(k));
      }
    }
    // per group root: the smallest prefix (for the name) and the named segments it touches
    Map<Integer, IpPrefix> groupName = new HashMap<>();
    Map<Integer, TreeSet<String>> groupNamed = new HashMap<>();
    for (Map.Entry<IpPrefix, List<Integer>> e : unnamedByPrefix.entrySet()) {
      int root = find(parent, e.getValue().get(0));
      groupName.merge(root, e.getKey(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      TreeSet<String> named = namedByPrefix.get(e.getKey());
      if (named != null) {
        groupNamed.computeIfAbsent(root, k -> new TreeSet<>()).addAll(named);
      }
    }
    List<Finding> findings = new ArrayList<>();
    Map<Segment.Member, String> segOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Segment.Member m = members.get(i);
      Interface itf = ifOf.get(m);
      if (itf.declaredSegment() != null) {
        segOf.put(m, itf.declaredSegment());
        continue;
      }
      int root = find(parent, i);
      IpPrefix name = groupName.get(root);
      if (name == null) {
        continue; // no connected prefix: not on any segment
      }
      TreeSet<String> named = groupNamed.get(root);
      if (named != null && named.size() == 1) {
        segOf.put(m, named.first());
      } else {
        if (named != null && named.size() > 1) {
          findings.add(Finding.warning("host/ambiguous-segment",
              m.host() + "/" + m.iface() + " shares a prefix with segments " + named + "; it is put on its own segment " + name, itf.where()).onHost(m.host()));
        }
        segOf.put(m, name.toString());
      }
    }
    Map<String, List<Segment.Member>> bySeg = new TreeMap<>();
    Map<String, Boolean> explicit = new HashMap<>();
    for (Segment.Member m : members) {
      String s = segOf.get(m);
      if (s == null) {
        continue;
      }
      bySeg.computeIfAbsent(s, k -> new ArrayList<>()).add(m);
      if (ifOf.get(m).declaredSegment() != null) {
        explicit.put(s, true);
      }
    }
    List<Segment> segments = new ArrayList<>();
    for (Map.Entry<String, List<Segment.Member>> e : bySeg.entrySet()) {
      List<Segment.Member> l = new ArrayList<>(e.getValue());
      l.sort(null);
      segments.add(new Segment(e.getKey(), explicit.getOrDefault(e.getKey(), false), l));
    }
    return new SegmentInference(segments, segOf, findings);
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a);
    int rb = find(p, b);
    if (ra != rb) {
      if (ra < rb) {
        p[rb] = ra;
      } else {
        p[ra] = rb;
      }
    }
  }
}
