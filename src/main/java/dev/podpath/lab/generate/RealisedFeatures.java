package dev.podpath.lab.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads back from a finished plan which features it really contains (for notes and tests). */
final class RealisedFeatures {

  private RealisedFeatures() {}

  static List<String> of(Family family, List<PlanRouter> routers, List<PlanSession> sessions, boolean loop) {
    Set<Variation> v = EnumSet.noneOf(Variation.class);
    boolean ebgp = false;
    boolean ibgp = false;
    boolean bird = false;
    boolean frr = false;
    for (PlanRouter r : routers) {
      if (r.interfaces.size() > 1) {
        v.add(Variation.MULTI_HOMED);
      }
      for (PlanSpeaker s : r.speakers()) {
        bird |= s.daemon == Daemon.BIRD;
        frr |= s.daemon == Daemon.FRR;
        if (s.daemon == Daemon.BIRD) {
          switch (s.kernelExport) {
            case ALL -> v.add(Variation.KERNEL_EXPORT_ALL);
            case NONE -> v.add(Variation.KERNEL_EXPORT_NONE);
            case FILTERED -> v.add(Variation.KERNEL_EXPORT_FILTERED);
            case NO_PROTOCOL -> { }
          }
          if (s.kernelLearn) {
            v.add(Variation.KERNEL_LEARN);
          }
        } else {
          if (s.datacenter) {
            v.add(Variation.FRR_DATACENTER);
          }
          if (s.noDefaultIpv4) {
            v.add(Variation.FRR_NO_DEFAULT_IPV4);
          }
        }
        for (Origination o : s.originated) {
          switch (o.kind()) {
            case BIRD_UNREACHABLE -> v.add(Variation.STATIC_UNREACHABLE);
            case BIRD_VIA -> v.add(Variation.STATIC_VIA_GATEWAY);
            case FRR_REDISTRIBUTE -> v.add(Variation.FRR_REDISTRIBUTE_STATIC);
            case FRR_NETWORK_UNBACKED -> v.add(Variation.FRR_NETWORK_UNBACKED);
            default -> { }
          }
        }
      }
    }
    for (PlanSession s : sessions) {
      if (s.kind == PlanSession.Kind.MULTIHOP) {
        v.add(Variation.MULTIHOP);
      } else if (s.kind == PlanSession.Kind.LOCALHOST) {
        v.add(Variation.LOCALHOST);
      }
      for (PlanEnd e : List.of(s.a, s.b)) {
        ebgp |= !e.ibgp();
        ibgp |= e.ibgp();
        if (!e.importDeny.isEmpty()) {
          v.add(Variation.PREFIX_FILTER);
        }
        if (e.allowLocalAs) {
          v.add(Variation.ALLOW_LOCAL_AS);
        }
        if (e.rrClient && e.ibgp()) {
          v.add(Variation.ROUTE_REFLECTOR);
        }
        if (e.nextHop == NextHop.SELF) {
          v.add(Variation.NEXT_HOP_SELF);
        } else if (e.nextHop == NextHop.KEEP) {
          v.add(Variation.NEXT_HOP_KEEP);
        }
        if (e.speaker.requiresPolicy() && !e.ibgp() && (e.noInPolicy || e.noOutPolicy)) {
          v.add(Variation.RFC8212);
        }
        if (e.notActivated && e.speaker.noDefaultIpv4) {
          v.add(Variation.FRR_MISSING_ACTIVATE);
        }
      }
    }
    if (loop) {
      v.add(Variation.AS_PATH_LOOP);
    }
    List<String> out = new ArrayList<>();
    out.add(family.key());
    if (bird) {
      out.add("bird2");
    }
    if (frr) {
      out.add("frr");
    }
    if (ebgp) {
      out.add("ebgp");
    }
    if (ibgp) {
      out.add("ibgp");
    }
    v.forEach(x -> out.add(x.key()));
    return out;
  }
}
