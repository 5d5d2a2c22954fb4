package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;

/** One named thing that must hold: a flow (reachable/blocked) or a BGP session (established). */
public sealed interface Intent permits FlowIntent, SessionIntent {

  /** Unique, readable: e.g. {@code pod@w1 -> svc default/kubernetes:443}. */
  String name();

  /** What the intent means in words, including any assumption podpath made (e.g. a synthetic pod). */
  String description();

  /** The intents.yaml line, or for a default intent the object it was generated from. */
  SourceRef where();

  /** True for intents podpath generated because intents.yaml is absent. */
  boolean generated();
}
