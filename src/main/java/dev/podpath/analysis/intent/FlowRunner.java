package dev.podpath.analysis.intent;

import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.FlowTrace;

/**
 * Traces one flow. The caller binds it to the packet walk with the real inputs, e.g.
 * {@code f -> PacketWalk.trace(f, settings, tables, resolver.services(), resolver.endpoints())}.
 */
@FunctionalInterface
public interface FlowRunner {

  FlowTrace trace(FlowSpec flow);
}
