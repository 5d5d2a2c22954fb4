package dev.podpath.model.routing;

/** A large community (RFC 8092): three 32-bit values. */
public record LargeCommunity(long global, long local1, long local2) {

  @Override
  public String toString() {
    return global + ":" + local1 + ":" + local2;
  }
}
