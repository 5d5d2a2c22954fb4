package dev.podpath.controlplane;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.network.KernelTables;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The kernel forwarding tables of one host, immutable. Lookup is longest-prefix match per table;
 * between routes to the same prefix the lowest metric wins, then the one installed first
 * (lab: IPv4 `ip route append` of an equal route keeps the first one selected). Policy routing is
 * reduced to Linux's default rules: the default VRF looks up table local, then main; a VRF looks up
 * its own table (which holds its local routes too). Tables other than these are kept and listed
 * but never consulted (host.yaml has no `ip rule`).
 */
public final class KernelFib {

  private final String host;
  private final SortedMap<String, Table> tables;

  /** @param byTable per table, per prefix, routes in install order (taken over, not copied) */
  KernelFib(String host, Map<String, Map<IpPrefix, List<FibEntry>>> byTable) {
    this.host = host;
    SortedMap<String, Table> t = new TreeMap<>();
    for (Map.Entry<String, Map<IpPrefix, List<FibEntry>>> e : byTable.entrySet()) {
      t.put(e.getKey(), new Table(e.getValue()));
    }
    this.tables = Collections.unmodifiableSortedMap(t);
  }

  public String host() {
    return host;
  }

  /** Table names, sorted. */
  public List<String> tables() {
    return List.copyOf(tables.keySet());
  }

  /** Looks {@code dst} up as a packet from this host in {@code vrf} (null = default VRF) would be. */
  public Optional<FibMatch> lookup(String vrf, IpAddr dst) {
    if (vrf == null) {
      Optional<FibMatch> local = lookupInTable(KernelTables.LOCAL, dst);
      if (local.isPresent()) {
        return local;
      }
      return lookupInTable(KernelTables.MAIN, dst);
    }
    return lookupInTable(vrf, dst);
  }

  public Optional<FibMatch> lookupInTable(String table, IpAddr dst) {
    Table t = tables.get(table);
    if (t == null) {
      return Optional.empty();
    }
    FibEntry e = t.lookup(dst);
    return e == null ? Optional.empty() : Optional.of(new FibMatch(table, e.route(), e.installer()));
  }

  /** Every installed route of one table, sorted by prefix then metric (what `ip route show table T` lists). */
  public List<KernelRoute> routes(String table) {
    Table t = tables.get(table);
    return t == null ? List.of() : t.sorted().stream().map(FibEntry::route).toList();
  }

  /** Every installed route of every table, sorted by table, prefix, metric. */
  public List<KernelRoute> routes() {
    List<KernelRoute> out = new ArrayList<>();
    for (String t : tables.keySet()) {
      out.addAll(routes(t));
    }
    return out;
  }

  /** Every installed route with its installer, sorted like {@link #routes()}. */
  public List<FibEntry> entries() {
    List<FibEntry> out = new ArrayList<>();
    for (Table t : tables.values()) {
      out.addAll(t.sorted());
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof KernelFib f && f.host.equals(host) && f.tables.equals(tables);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + tables.hashCode();
  }

  /** One table: routes by prefix (each list sorted by metric, then install order), LPM by length. */
  static final class Table {
    private final Map<IpPrefix, List<FibEntry>> byPrefix;
    private final int[] v4Lengths;
    private final int[] v6Lengths;
    private List<FibEntry> sorted;
    private int hash;

    Table(Map<IpPrefix, List<FibEntry>> byPrefix) {
      this.byPrefix = byPrefix;
      boolean[] l4 = new boolean[33];
      boolean[] l6 = new boolean[129];
      for (Map.Entry<IpPrefix, List<FibEntry>> e : byPrefix.entrySet()) {
        IpPrefix p = e.getKey();
        if (p.v6()) {
          l6[p.length()] = true;
        } else {
          l4[p.length()] = true;
        }
        if (e.getValue().size() > 1) {
          // stable sort: equal metrics keep install order
          e.getValue().sort((a, b) -> Long.compare(a.route().metric(), b.route().metric()));
        }
      }
      v4Lengths = lengthsDesc(l4);
      v6Lengths = lengthsDesc(l6);
    }

    private static int[] lengthsDesc(boolean[] present) {
      int n = 0;
      for (boolean b : present) {
        n += b ? 1 : 0;
      }
      int[] out = new int[n];
      int k = 0;
      for (int i = present.length - 1; i >= 0; i--) {
        if (present[i]) {
          out[k++] = i;
        }
      }
      return out;
    }

    FibEntry lookup(IpAddr dst) {
      for (int len : dst.v6() ? v6Lengths : v4Lengths) {
        List<FibEntry> l = byPrefix.get(new IpPrefix(dst.mask(len), len));
        if (l != null && !l.isEmpty()) {
          return l.get(0);
        }
      }
      return null;
    }

    synchronized List<FibEntry> sorted() {
      if (sorted == null) {
        List<FibEntry> s = new ArrayList<>();
        new TreeMap<>(byPrefix).values().forEach(s::addAll);
        sorted = List.copyOf(s);
      }
      return sorted;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Table t && t.hashCode() == hashCode() && t.byPrefix.equals(byPrefix);
    }

    @Override
    public int hashCode() {
      if (hash == 0) {
        hash = byPrefix.hashCode() | 1;
      }
      return hash;
    }
  }
}
