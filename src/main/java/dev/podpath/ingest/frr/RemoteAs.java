package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;

/** `remote-as N|internal|external`. {@code asn} is meaningful only for {@link Kind#NUMBER}. */
public record RemoteAs(Kind kind, long asn, SourceRef where) {
  public enum Kind {
    NUMBER,
    INTERNAL,
    EXTERNAL
  }

  @Override
  public String toString() {
    return kind == Kind.NUMBER ? Long.toString(asn) : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
