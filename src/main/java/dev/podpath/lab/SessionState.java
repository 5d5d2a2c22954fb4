package dev.podpath.lab;

import java.util.Locale;

/** RFC 4271 section 8 FSM states as the daemons print them, plus DOWN (administratively off). */
public enum SessionState {
  IDLE,
  CONNECT,
  ACTIVE,
  OPEN_SENT,
  OPEN_CONFIRM,
  ESTABLISHED,
  /** BIRD "Down" (protocol disabled / not started) or FRR "Idle (Admin)"-like states. */
  DOWN,
  UNKNOWN;

  /** Maps a daemon's state word ("Established", "OpenSent", "Passive", "ESTABLISHED"...). */
  public static SessionState parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    int space = t.indexOf(' ');
    String word = space < 0 ? t : t.substring(0, space);
    return switch (word) {
      case "idle" -> IDLE;
      case "connect" -> CONNECT;
      // BIRD shows "Passive" for a passive protocol waiting in Active (BIRD 2.0 proto/bgp/bgp.c bgp_state_dsc).
      case "active", "passive" -> ACTIVE;
      case "opensent" -> OPEN_SENT;
      case "openconfirm" -> OPEN_CONFIRM;
      case "established" -> ESTABLISHED;
      case "down", "close", "clearing", "deleted" -> DOWN;
      default -> UNKNOWN;
    };
  }

  /** States from which a session may still come up by itself soon (so convergence must wait). */
  public boolean transitional() {
    return this == CONNECT || this == ACTIVE || this == OPEN_SENT || this == OPEN_CONFIRM;
  }
}
