/**
 * Cilium agent settings as the agent ends up running them: {@link
 * dev.podpath.model.cilium.AgentStartup} replays the agent's startup validation (fatal errors,
 * the chart's render-time fails, silent overrides, warnings) over a {@link
 * dev.podpath.ingest.cilium.CiliumConfig}. One rule, one class, in {@code model.cilium.rule}.
 */
package dev.podpath.model.cilium;
