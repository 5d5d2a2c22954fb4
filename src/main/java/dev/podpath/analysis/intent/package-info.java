/**
 * Intents: what must hold in a cluster (docs/intents.md). {@link dev.podpath.analysis.intent.IntentsReader}
 * reads intents.yaml, {@link dev.podpath.analysis.intent.DefaultIntents} generates the design's
 * defaults when it is absent, {@link dev.podpath.analysis.intent.IntentResolver} turns each flow
 * intent into concrete dataplane flows, and {@link dev.podpath.analysis.intent.IntentEvaluator}
 * runs them through a {@link dev.podpath.analysis.intent.FlowRunner} (the packet walk) and turns
 * failures into findings. Session intents are produced here and evaluated by the caller against
 * the BGP engine's result.
 */
package dev.podpath.analysis.intent;
