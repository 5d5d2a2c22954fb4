package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.model.routing.BgpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The inner fixed point: over the Established sessions, ask changed daemons what they advertise,
 * deliver what differs from the last delivery, let the receivers settle, until nothing changes.
 * Synchronous rounds in a fixed order (daemons by host/name, edges by session) make the result
 * independent of input order. Only daemons whose inputs changed run again (dirty set). The lists
 * a daemon advertises are handed to receivers as they are (no copies), so identical routes are
 * shared. A 64-bit hash over every edge's last advertisement detects a repeated state (Batfish
 * IncrementalBdpEngine: iteration hash repeats). Synchronous rounds can cycle where real, asynchronous
 * BGP settles (two daemons each switching to the other's route in the same round, then both
 * withdrawing): on a repeated state the exchange starts again from the opened sessions and runs
 * one daemon at a time, in the order their inputs changed (first in, first out: routes spread hop
 * by hop as on real speakers, whose updates never cross exactly), each advertisement delivered at
 * once. Only a state that repeats there too is oscillation, reported, never looped on.
 */
final class RouteExchange {

  private final List<RoutingDaemon> daemons;
  private final List<List<Edge>> outEdges = new ArrayList<>();
  private final List<List<BgpRoute>> lastSent = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final int maxRounds;
  private long stateHash;
  private int rounds;
  private boolean converged = true;
  /** Set once synchronous rounds cycled: from then on one daemon at a time. */
  private boolean asynchronous;
  /** Each daemon's established sessions, sorted by neighbor id (as ControlPlane opened them). */
  private final List<List<SessionContext>> contexts = new ArrayList<>();

  /** One direction of one session for one family. */
  private record Edge(int id, int sender, SessionContext senderCtx, int receiver, SessionContext receiverCtx, AddressFamily family) {}

  RouteExchange(List<RoutingDaemon> sortedDaemons, List<EstablishedSession> sessions, int maxRounds) {
    this.daemons = sortedDaemons;
    this.maxRounds = maxRounds;
    Map<DaemonRef, Integer> index = new HashMap<>();
    for (int i = 0; i < daemons.size(); i++) {
      index.put(DaemonRef.of(daemons.get(i)), i);
      outEdges.add(new ArrayList<>());
      contexts.add(new ArrayList<>());
    }
    for (EstablishedSession s : sessions) {
      int a = index.get(s.a());
      int b = index.get(s.b());
      contexts.get(a).add(s.aSide());
      contexts.get(b).add(s.bSide());
      for (AddressFamily f : new TreeSet<>(s.aSide().families())) {
        addEdge(a, s.aSide(), b, s.bSide(), f);
        addEdge(b, s.bSide(), a, s.aSide(), f);
      }
    }
    for (List<SessionContext> l : contexts) {
      l.sort(Comparator.comparing(SessionContext::neighborId));
    }
  }

  private void addEdge(int sender, SessionContext sc, int receiver, SessionContext rc, AddressFamily f) {
    Edge e = new Edge(lastSent.size(), sender, sc, receiver, rc, f);
    lastSent.add(List.of());
    outEdges.get(sender).add(e);
  }

  /**
   * Runs until no advertisement changes.
   *
   * @param dirty indexes (into the sorted daemon list) of daemons whose inputs changed
   * @param initial true right after open(): every dirty daemon advertises whatever settle() says
   */
  void run(TreeSet<Integer> dirty, boolean initial) {
    if (asynchronous) {
      runAsynchronously(new LinkedHashSet<>(dirty));
      return;
    }
    Map<Long, Integer> seen = new HashMap<>();
    seen.put(stateHash, rounds);
    boolean first = initial;
    while (!dirty.isEmpty()) {
      if (rounds >= maxRounds) {
        converged = false;
        findings.add(Finding.error("bgp/no-convergence", "route exchange did not converge within " + maxRounds
            + " rounds; daemons still changing: " + names(dirty), SourceRef.NONE));
        return;
      }
      rounds++;
      List<Integer> changed = new ArrayList<>();
      for (int i : dirty) {
        boolean c = daemons.get(i).settle();
        if (c || first) {
          changed.add(i);
        }
      }
      first = false;
      List<Edge> pending = new ArrayList<>();
      for (int i : changed) {
        for (Edge e : outEdges.get(i)) {
          List<BgpRoute> routes = sorted(daemons.get(i).advertise(e.senderCtx(), e.family()));
          List<BgpRoute> old = lastSent.get(e.id());
          if (!routes.equals(old)) {
            stateHash ^= hash(e.id(), old) ^ hash(e.id(), routes);
            lastSent.set(e.id(), routes);
            pending.add(e);
          }
        }
      }
      dirty = new TreeSet<>();
      for (Edge e : pending) {
        daemons.get(e.receiver()).receive(e.receiverCtx(), e.family(), lastSent.get(e.id()));
        dirty.add(e.receiver());
      }
      if (!pending.isEmpty()) {
        Integer before = seen.putIfAbsent(stateHash, rounds);
        if (before != null) {
          // lab: seed 148 (2026-11-26): a 2-round cycle here, while the real bird2/FRR settled within seconds
          asynchronous = true;
          restartAsynchronously();
          return;
        }
      }
    }
  }

  /** Back to the opened sessions with nothing sent, then every daemon in the fixed order, one at a time. */
  private void restartAsynchronously() {
    LinkedHashSet<Integer> queue = new LinkedHashSet<>();
    for (int i = 0; i < daemons.size(); i++) {
      daemons.get(i).open(List.copyOf(contexts.get(i)));
      queue.add(i);
    }
    for (int e = 0; e < lastSent.size(); e++) {
      lastSent.set(e, List.of());
    }
    stateHash = 0;
    runAsynchronously(queue);
  }

  /**
   * One daemon at a time, first in first out: the head of the queue settles and its changed
   * advertisements are delivered at once, queueing their receivers. The state is the
   * advertisements plus the queue, so a repeated state is a real cycle of this deterministic schedule.
   */
  private void runAsynchronously(LinkedHashSet<Integer> queue) {
    Map<Long, Integer> seen = new HashMap<>();
    int steps = 0;
    int maxSteps = maxRounds * Math.max(1, daemons.size());
    while (!queue.isEmpty()) {
      if (steps >= maxSteps) {
        converged = false;
        findings.add(Finding.error("bgp/no-convergence", "route exchange did not converge within " + maxSteps
            + " steps (one daemon at a time); daemons still changing: " + names(queue), SourceRef.NONE));
        return;
      }
      int i = queue.iterator().next();
      queue.remove(i);
      steps++;
      rounds++;
      daemons.get(i).settle();
      for (Edge e : outEdges.get(i)) {
        List<BgpRoute> routes = sorted(daemons.get(i).advertise(e.senderCtx(), e.family()));
        List<BgpRoute> old = lastSent.get(e.id());
        if (!routes.equals(old)) {
          stateHash ^= hash(e.id(), old) ^ hash(e.id(), routes);
          lastSent.set(e.id(), routes);
          daemons.get(e.receiver()).receive(e.receiverCtx(), e.family(), routes);
          queue.add(e.receiver());
        }
      }
      long key = stateHash;
      for (int d : queue) {
        key = mix(key + d + 1);
      }
      Integer before = seen.putIfAbsent(key, steps);
      if (before != null) {
        converged = false;
        findings.add(Finding.error("bgp/oscillation", "BGP route exchange oscillates: processing one daemon at a time, the state after step "
            + steps + " repeats the one after step " + before + " (a cycle of " + (steps - before) + " steps); still changing: "
            + names(queue) + ". podpath reports the state at this point; a real network may flap forever.", SourceRef.NONE));
        return;
      }
    }
  }

  private String names(Iterable<Integer> idx) {
    List<String> out = new ArrayList<>();
    for (int i : idx) {
      out.add(DaemonRef.of(daemons.get(i)).key());
    }
    return out.toString();
  }

  private static List<BgpRoute> sorted(List<BgpRoute> routes) {
    for (int i = 1; i < routes.size(); i++) {
      if (routes.get(i - 1).prefix().compareTo(routes.get(i).prefix()) > 0) {
        List<BgpRoute> copy = new ArrayList<>(routes);
        copy.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return List.copyOf(copy);
      }
    }
    return routes;
  }

  /** 0 for an empty advertisement, so the state with nothing sent hashes to 0. */
  private static long hash(int edge, List<BgpRoute> routes) {
    if (routes.isEmpty()) {
      return 0;
    }
    long h = (edge + 1) * 0x9E3779B97F4A7C15L;
    for (BgpRoute r : routes) {
      h = mix(h ^ r.hashCode()) + 0x632BE59BD9B4E019L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  int rounds() {
    return rounds;
  }

  boolean converged() {
    return converged;
  }

  List<Finding> findings() {
    return findings;
  }
}
