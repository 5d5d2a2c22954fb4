package dev.podpath.dataplane;

import java.util.List;

/**
 * One concrete path of a flow: towards one backend (null when no service translation applied),
 * the request's steps, the reply's steps, how it ended, in which direction and on which host.
 * {@code destinationInModel} says whether the request's final destination is a modelled pod or
 * host (then leaving the model is a failure, not the best possible outcome).
 */
public record PathTrace(Service.Backend backend, List<Step> forward, List<Step> reply,
    Disposition disposition, Direction endedIn, String endedAt, boolean destinationInModel) {

  public PathTrace {
    forward = List.copyOf(forward);
    reply = List.copyOf(reply);
  }

  /** ACCEPTED, or a request to an address outside the model that left it. */
  public boolean works() {
    return disposition == Disposition.ACCEPTED
        || (disposition == Disposition.EXITS_NETWORK && endedIn == Direction.REQUEST && !destinationInModel);
  }

  /** The last step (where the path ended), or null when there are no steps. */
  public Step lastStep() {
    List<Step> s = reply.isEmpty() ? forward : reply;
    return s.isEmpty() ? null : s.get(s.size() - 1);
  }

  /** One line: target, verdict, and where and why it ended. */
  public String summary() {
    String target = backend == null ? "" : backend + ": ";
    if (works()) {
      return target + (disposition == Disposition.EXITS_NETWORK
          ? "request leaves the model at " + endedAt
          : "works (request delivered, reply returned)");
    }
    Step last = lastStep();
    String why = last == null ? "" : " — " + last.actor() + ": " + last.rule();
    String what = endedIn == Direction.REPLY
        ? "request delivered, reply dies at " + endedAt
        : "request dies at " + endedAt;
    return target + what + " with " + disposition + why;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(summary()).append('\n');
    forward.forEach(s -> sb.append("  ").append(s).append('\n'));
    reply.forEach(s -> sb.append("  ").append(s).append('\n'));
    return sb.toString();
  }
}
