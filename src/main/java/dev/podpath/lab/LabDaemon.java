package dev.podpath.lab;

/** Which daemon an observation comes from. */
public enum LabDaemon {
  BIRD,
  FRR,
  /** GoBGP standing in for the speaker embedded in cilium-agent. */
  CILIUM_STANDIN
}
