package dev.podpath.model.cilium.rule;

import dev.podpath.model.cilium.AgentSettings;

/** The LB mode name the agent prints in DSR errors (its lbConfig.LBMode). */
final class DsrModes {

  private DsrModes() {}

  static String name(AgentSettings s) {
    // With only the annotation enabling DSR, the global mode (e.g. snat) is what the agent prints.
    return s.lbMode().text();
  }
}
