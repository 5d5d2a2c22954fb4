package dev.podpath.lab.generate;

import java.util.ArrayList;
import java.util.List;

/** One routing daemon of a plan and the config choices it carries. */
final class PlanSpeaker {
  final PlanRouter host;
  Daemon daemon;
  long asn;
  final String routerId;
  /** Port bird listens on (bird {@code local port}); 179 except for the localhost second daemon. */
  int listenPort = 179;
  final List<Origination> originated = new ArrayList<>();
  final List<PlanEnd> ends = new ArrayList<>();
  // bird
  KernelExport kernelExport = KernelExport.NO_PROTOCOL;
  boolean kernelLearn;
  // FRR
  boolean datacenter;
  boolean requiresPolicyOff;
  boolean noDefaultIpv4;
  boolean importCheckOff;

  PlanSpeaker(PlanRouter host, Daemon daemon, long asn, String routerId) {
    this.host = host;
    this.daemon = daemon;
    this.asn = asn;
    this.routerId = routerId;
  }

  /** FRR traditional profile and ebgp-requires-policy left on: eBGP neighbors need in/out policy. */
  boolean requiresPolicy() {
    return daemon == Daemon.FRR && !datacenter && !requiresPolicyOff;
  }
}
