package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The destinations failing paths died for want of a route to (the same dispositions
 * analysis.MissingRoute explains): the fix moves that add or unblock a route are generated only for
 * routes covering one of them.
 */
final class FailingRoutes {

  private FailingRoutes() {}

  /** Where a failing path died (the host whose table had no route) and the address it was going to. */
  record Dead(String host, IpAddr dst) {}

  static List<IpAddr> addresses(CheckResult baseline) {
    List<IpAddr> out = new ArrayList<>();
    of(baseline).forEach(d -> {
      if (!out.contains(d.dst())) {
        out.add(d.dst());
      }
    });
    return out;
  }

  static List<Dead> of(CheckResult baseline) {
    List<Dead> out = new ArrayList<>();
    for (IntentResult i : baseline.intents()) {
      if (i.passed()) {
        continue;
      }
      for (FlowOutcome f : i.flows()) {
        if (f.passed() || f.trace() == null) {
          continue;
        }
        for (PathTrace p : f.trace().paths()) {
          Step last = p.lastStep();
          if (p.works() || last == null || !(p.disposition() == Disposition.NO_ROUTE || p.disposition() == Disposition.EXITS_NETWORK
              || p.disposition() == Disposition.FIB_LOOKUP_FAILED || p.disposition() == Disposition.NULL_ROUTED)) {
            continue;
          }
          Dead d = new Dead(last.host(), last.before().dst());
          if (!out.contains(d)) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }
}
