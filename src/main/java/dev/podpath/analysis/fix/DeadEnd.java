package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a failing path of a failing intent died for want of a route: the host, the address it had
 * no route to, and the request's source (its reply needs the way back). FRR and static-route moves
 * are generated only for these: an edit that cannot give one of these hosts one of these routes
 * cannot repair the trace.
 */
record DeadEnd(String host, IpAddr dst, IpAddr requestSrc, Disposition disposition) {

  /** Dispositions that mean "no usable route here" (a route edit can change them). */
  static final Set<Disposition> ROUTE_DEATHS = EnumSet.of(Disposition.NO_ROUTE, Disposition.EXITS_NETWORK,
      Disposition.FIB_LOOKUP_FAILED, Disposition.NULL_ROUTED, Disposition.NEIGHBOR_UNREACHABLE);

  static List<DeadEnd> of(CheckResult baseline) {
    Set<DeadEnd> out = new LinkedHashSet<>();
    for (IntentResult i : baseline.intents()) {
      if (i.passed()) {
        continue;
      }
      for (FlowOutcome f : i.flows()) {
        if (f.passed() || f.trace() == null) {
          continue;
        }
        for (PathTrace p : f.trace().failingPaths()) {
          Step last = p.lastStep();
          if (last == null || p.forward().isEmpty() || !ROUTE_DEATHS.contains(p.disposition())) {
            continue;
          }
          out.add(new DeadEnd(last.host(), last.before().dst(), p.forward().get(0).before().src(), p.disposition()));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Every address a dead end needs a route to: the destination where it died, and the way back to the source. */
  static Set<IpAddr> addresses(List<DeadEnd> ends) {
    Set<IpAddr> out = new LinkedHashSet<>();
    ends.forEach(e -> {
      out.add(e.dst());
      out.add(e.requestSrc());
    });
    return out;
  }
}
