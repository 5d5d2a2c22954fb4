package dev.podpath.analysis.whatif;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Verdict;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.AgentFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `check` before and after the edits, and what changed: per intent the verdict (and, for one that
 * fails either way, whether it now fails differently), findings added and removed, the agent's
 * effective settings that changed, and whether the agent still starts. Everything "after" is shown
 * with the edits' stand-in lines replaced by the {@code --set} that wrote them.
 */
public record WhatIfResult(List<Edit> edits, EditedSnapshot edited, CheckResult before, CheckResult after) {

  public WhatIfResult {
    edits = List.copyOf(edits);
  }

  /** One intent before and after; {@code problems} are the after-run's failing paths (or the before-run's if it is gone). */
  public record IntentChange(String name, String before, String after, boolean failsDifferently, List<String> problems) {
    public boolean verdictChanged() {
      return !before.equals(after);
    }
  }

  /** One effective agent setting that changed; {@code setBy} describes who wrote the after value. */
  public record SettingChange(String flag, String before, String after, String setBy) {}

  public boolean passes() {
    return after.verdict() == Verdict.PASS;
  }

  public boolean startsBefore() {
    return !before.agent().startupFails();
  }

  public boolean startsAfter() {
    return !after.agent().startupFails();
  }

  /** A line the user can find: a stand-in line becomes the {@code --set} that wrote it. */
  public SourceRef shown(SourceRef r) {
    return edited.origins().getOrDefault(r, r);
  }

  public Finding shown(Finding f) {
    return new Finding(f.code(), f.severity(), shownText(f.message()), shown(f.where()), f.host());
  }

  /** Text with every stand-in "file:line" replaced by its {@code --set}. */
  public String shownText(String text) {
    String out = text;
    for (Map.Entry<SourceRef, SourceRef> e : edited.origins().entrySet()) {
      out = Pattern.compile(Pattern.quote(e.getKey().toString()) + "(?!\\d)").matcher(out)
          .replaceAll(Matcher.quoteReplacement(e.getValue().toString()));
    }
    return out;
  }

  public List<Finding> afterFindings() {
    return after.findings().stream().map(this::shown).sorted(Finding.ORDER).toList();
  }

  public List<Finding> addedFindings() {
    Set<Finding> old = new LinkedHashSet<>(before.findings());
    return afterFindings().stream().filter(f -> !old.contains(f)).toList();
  }

  public List<Finding> removedFindings() {
    Set<Finding> now = new LinkedHashSet<>(afterFindings());
    return before.findings().stream().filter(f -> !now.contains(f)).sorted(Finding.ORDER).toList();
  }

  /** Every intent of either run, in name order. */
  public List<IntentChange> intents() {
    Map<String, IntentResult> b = byName(before.intents());
    Map<String, IntentResult> a = byName(after.intents());
    Set<String> names = new java.util.TreeSet<>(b.keySet());
    names.addAll(a.keySet());
    List<IntentChange> out = new ArrayList<>();
    for (String n : names) {
      IntentResult x = b.get(n);
      IntentResult y = a.get(n);
      List<String> pb = x == null ? List.of() : problems(x);
      List<String> pa = y == null ? List.of() : problems(y);
      String vb = x == null ? "absent" : x.verdict().label();
      String va = y == null ? "absent" : y.verdict().label();
      boolean differently = vb.equals(va) && !pb.equals(pa);
      out.add(new IntentChange(n, vb, va, differently, y == null ? pb : pa));
    }
    return out;
  }

  public List<IntentChange> changedIntents() {
    return intents().stream().filter(c -> c.verdictChanged() || c.failsDifferently()).toList();
  }

  /** The agent's effective settings whose value the edits changed, in flag order. */
  public List<SettingChange> settings() {
    List<SettingChange> out = new ArrayList<>();
    for (AgentFlag f : AgentFlag.values()) {
      String b = before.agent().effective().text(f);
      String a = after.agent().effective().text(f);
      if (!a.equals(b)) {
        String by = shownText(after.agent().config().flag(f).source().describe());
        String rule = after.agent().changedBy().get(f);
        if (rule != null && !after.agent().written().text(f).equals(a)) {
          by = by + ", then the agent's rule " + rule;
        }
        out.add(new SettingChange(f.key(), b, a, by));
      }
    }
    return out;
  }

  public long holding(boolean afterRun) {
    return (afterRun ? after : before).intents().stream().filter(IntentResult::passed).count();
  }

  private List<String> problems(IntentResult r) {
    List<String> out = new ArrayList<>();
    for (FlowOutcome f : r.flows()) {
      f.problems().forEach(p -> out.add(shownText(p)));
    }
    return out;
  }

  private static Map<String, IntentResult> byName(List<IntentResult> rs) {
    Map<String, IntentResult> m = new LinkedHashMap<>();
    rs.forEach(r -> m.put(r.name(), r));
    return m;
  }
}
