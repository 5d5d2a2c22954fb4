package dev.podpath.ingest.cilium;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a YAML value into the typed value the agent would see, refusing what the agent (or Helm's
 * rendering) could not turn into that type. Bool text follows Go's strconv.ParseBool, which the
 * agent's flag parsing uses.
 */
final class FlagText {

  private FlagText() {}

  static Object parse(AgentFlag flag, Object raw, SourceRef where, String keyName) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
      throw new InputException(where, keyName + ": expected " + expected(flag) + ", found a "
          + (raw instanceof Map<?, ?> ? "map" : "list"));
    }
    String text = String.valueOf(raw).strip();
    return switch (flag.type()) {
      case BOOL -> parseBool(text, where, keyName);
      case STRING -> text;
      case INT -> parseInt(raw, text, where, keyName);
      case CIDR -> text.isEmpty() ? null : parseCidr(text, where, keyName);
    };
  }

  private static String expected(AgentFlag flag) {
    return switch (flag.type()) {
      case BOOL -> "true or false";
      case STRING -> "a string";
      case INT -> "an integer";
      case CIDR -> "a CIDR such as 10.0.0.0/8";
    };
  }

  // Go strconv.ParseBool accepts exactly these spellings.
  private static Boolean parseBool(String text, SourceRef where, String keyName) {
    switch (text) {
      case "1", "t", "T", "TRUE", "true", "True":
        return Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False":
        return Boolean.FALSE;
      default:
        throw new InputException(where, keyName + ": expected true or false, found '" + text + "'");
    }
  }

  private static Long parseInt(Object raw, String text, SourceRef where, String keyName) {
    if (raw instanceof Long l) {
      return l;
    }
    if (raw instanceof BigInteger || raw instanceof Double) {
      throw new InputException(where, keyName + ": expected an integer, found '" + text + "'");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InputException(where, keyName + ": expected an integer, found '" + text + "'");
    }
  }

  // cilium pkg/option/config.go Populate parses with cidr.ParseCIDR: host bits are masked, not refused.
  private static IpPrefix parseCidr(String text, SourceRef where, String keyName) {
    if (!text.contains("/")) {
      throw new InputException(where, keyName + ": '" + text + "' is not a CIDR (address/length)");
    }
    try {
      return IpPrefix.parseLenient(text);
    } catch (RuntimeException e) {
      throw new InputException(where, keyName + ": '" + text + "' is not a CIDR (address/length)");
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
