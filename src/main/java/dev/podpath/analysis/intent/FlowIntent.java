package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.Protocol;
import java.util.Objects;

/**
 * A flow check: from one endpoint to another, with an expectation. {@code port} and
 * {@code protocol} apply to destinations that are not Services (a Service selector names its own
 * ports); {@code family} null means every family both ends have.
 */
public record FlowIntent(String name, Endpoint from, Endpoint to, Expectation expect, Protocol protocol, int port,
    Family family, String description, SourceRef where, boolean generated) implements Intent {

  /** The port for non-Service destinations when a check names none (the walk models no listening sockets). */
  public static final int DEFAULT_PORT = 8080;

  public FlowIntent {
    Objects.requireNonNull(name);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    Objects.requireNonNull(expect);
    Objects.requireNonNull(protocol);
    if (expect == Expectation.ESTABLISHED) {
      throw new IllegalArgumentException("a flow check expects reachable or blocked");
    }
  }
}
