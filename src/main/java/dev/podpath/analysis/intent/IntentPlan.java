package dev.podpath.analysis.intent;

import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.Finding;
import dev.podpath.ingest.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What `check` evaluates for one snapshot: the intents of intents.yaml, or the defaults when the
 * file is absent (or has no checks), the settings to keep, the findings of reading and of
 * building the inventory, and the resolver whose ServiceTable and Endpoints the caller binds its
 * FlowRunner to.
 */
public record IntentPlan(List<Intent> intents, List<KeepSetting> keep, List<Finding> findings, IntentResolver resolver,
    boolean defaults) {

  public IntentPlan {
    intents = List.copyOf(intents);
    keep = List.copyOf(keep);
    findings = List.copyOf(findings);
  }

  /**
   * Reads intents.yaml (InputException on bad input) and builds the plan; {@code daemons} are the
   * BGP engine's daemons, used only for the default session intents.
   */
  public static IntentPlan of(Snapshot snapshot, List<? extends RoutingDaemon> daemons) {
    IntentsFile file = IntentsReader.read(snapshot.intents());
    IntentResolver resolver = IntentResolver.of(snapshot);
    List<Finding> findings = new ArrayList<>(file.findings());
    findings.addAll(resolver.inventory().findings());
    boolean defaults = file.intents().isEmpty();
    List<Intent> intents = new ArrayList<>(file.intents());
    if (defaults) {
      intents.addAll(DefaultIntents.sessions(daemons));
      intents.addAll(DefaultIntents.flows(resolver, snapshot.kubernetes(), findings));
    }
    return new IntentPlan(intents, file.keep(), findings, resolver, defaults);
  }

  /** Resolves and evaluates the plan's flow intents with {@code runner}. */
  public List<IntentResult> evaluate(FlowRunner runner) {
    return new IntentEvaluator(resolver).evaluate(intents, runner);
  }

  public List<SessionIntent> sessionIntents() {
    return intents.stream().filter(SessionIntent.class::isInstance).map(SessionIntent.class::cast).toList();
  }

  public List<FlowIntent> flowIntents() {
    return intents.stream().filter(FlowIntent.class::isInstance).map(FlowIntent.class::cast).toList();
  }
}
