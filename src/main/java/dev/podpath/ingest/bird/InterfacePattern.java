package dev.podpath.ingest.bird;

import dev.podpath.core.net.IpPrefix;

/**
 * One entry of an `interface` list: a shell pattern on the name and/or a prefix, possibly
 * negated with `-` (BIRD manual "Protocol options" interface). First match wins.
 */
public record InterfacePattern(boolean negated, String namePattern, IpPrefix prefix) {

  /** Whether an interface name matches the name part (`*` and `?` wildcards). */
  public boolean matchesName(String ifname) {
    if (namePattern == null) {
      return true;
    }
    StringBuilder re = new StringBuilder();
    for (char c : namePattern.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return ifname.matches(re.toString());
  }
}
