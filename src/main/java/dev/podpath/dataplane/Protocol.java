package dev.podpath.dataplane;

/** L4 protocols a service port can carry. */
public enum Protocol {
  TCP,
  UDP,
  SCTP
}
