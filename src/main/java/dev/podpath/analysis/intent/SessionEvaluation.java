package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates session intents against the sessions the BGP engine found. The caller maps each of
 * the engine's results to a {@link Observed} (one line per session: host, daemon, neighbor id,
 * peer, established, and the engine's own finding when it is down).
 */
public final class SessionEvaluation {

  public static final String NOT_DECLARED = "intent/session-not-declared";

  /** One session as the engine reports it; {@code downFinding} is null when established. */
  public record Observed(String host, String daemon, String neighborId, dev.podpath.core.net.IpAddr peer,
      boolean established, Finding downFinding) {}

  private SessionEvaluation() {}

  /**
   * One result per intent: pass when every matching session is Established; fail with the
   * engine's findings for those that are not; fail with {@code intent/session-not-declared} when no
   * daemon declares such a session.
   */
  public static List<IntentResult> evaluate(List<SessionIntent> intents, List<Observed> sessions) {
    List<IntentResult> out = new ArrayList<>();
    for (SessionIntent i : intents) {
      List<Observed> m = sessions.stream().filter(s -> i.matches(s.host(), s.daemon(), s.neighborId(), s.peer())).toList();
      List<Finding> findings = new ArrayList<>();
      if (m.isEmpty()) {
        findings.add(new Finding(NOT_DECLARED, Severity.ERROR, i.name() + ": no daemon on " + i.host()
            + " declares a BGP neighbor " + (i.peer() == null ? i.neighborId() : i.peer()), i.where(), i.host()));
      }
      for (Observed s : m) {
        if (!s.established() && s.downFinding() != null) {
          findings.add(s.downFinding());
        }
      }
      boolean pass = !m.isEmpty() && m.stream().allMatch(Observed::established);
      out.add(new IntentResult(i.name(), pass ? Verdict.PASS : Verdict.FAIL, i.description(), List.of(), i.where(),
          findings));
    }
    return out;
  }
}
