package dev.podpath.model.routing;

/** BGP ORIGIN attribute (RFC 4271 5.1.1), in preference order: IGP is best. */
public enum Origin {
  IGP,
  EGP,
  INCOMPLETE
}
