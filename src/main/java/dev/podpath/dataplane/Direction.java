package dev.podpath.dataplane;

/** Which way a step's packet travels: the request, or the reply coming back. */
public enum Direction {
  REQUEST,
  REPLY
}
