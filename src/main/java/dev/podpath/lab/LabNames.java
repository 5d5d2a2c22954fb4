package dev.podpath.lab;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of one run's namespaces and devices. Every namespace starts with the run's prefix
 * {@code pp<6 hex>-}, so that teardown can find exactly this run's namespaces and nothing else,
 * and concurrent runs never collide. Interface names inside a namespace need no prefix (each
 * namespace has its own device names) but must fit the kernel's IFNAMSIZ (15 characters).
 */
public final class LabNames {

  /** Linux IFNAMSIZ is 16 including the terminating NUL. */
  public static final int MAX_INTERFACE_NAME = 15;

  private static final Pattern PREFIX = Pattern.compile("pp[0-9a-f]{6}-");
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.@:+-]{1,15}");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Namespace names become file names under /run/netns; keep them short and plain. */
  private static final int MAX_NAMESPACE_NAME = 40;

  private final String prefix;

  public LabNames(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("run prefix must look like pp1a2b3c-: " + prefix);
    }
    this.prefix = prefix;
  }

  /** A fresh run prefix such as {@code pp1a2b3c-}. */
  public static LabNames random() {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    return new LabNames("pp" + HexFormat.of().formatHex(b) + "-");
  }

  public String prefix() {
    return prefix;
  }

  /** The run id without the dash, e.g. {@code pp1a2b3c}. */
  public String runId() {
    return prefix.substring(0, prefix.length() - 1);
  }

  /** The namespace of host number {@code index} (index keeps names unique after sanitising). */
  public String hostNamespace(int index, String host) {
    return clip(prefix + "h" + index + "-" + sanitise(host));
  }

  /** The switch namespace that holds the bridge of segment number {@code index}. */
  public String switchNamespace(int index, String segment) {
    return clip(prefix + "s" + index + "-" + sanitise(segment));
  }

  /** The namespace of stand-in pod number {@code index}. */
  public String podNamespace(int index, String pod) {
    return clip(prefix + "p" + index + "-" + sanitise(pod));
  }

  /** The bridge port in a switch namespace for interface {@code ifIndex} of host {@code hostIndex}. */
  public static String bridgePort(int hostIndex, int ifIndex) {
    return requireInterfaceName("h" + hostIndex + "i" + ifIndex);
  }

  /** The node-side veth of stand-in pod number {@code index} (Cilium's per-pod devices are lxc*). */
  public static String podVeth(int index) {
    return requireInterfaceName("lxc" + index);
  }

  /** True when {@code namespace} belongs to this run. */
  public boolean owns(String namespace) {
    return namespace.startsWith(prefix);
  }

  public static String requireInterfaceName(String name) {
    if (name == null || !INTERFACE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "interface name '" + name + "' is not usable in the lab (1-" + MAX_INTERFACE_NAME
              + " characters of letters, digits and _.@:+-)");
    }
    return name;
  }

  static String sanitise(String s) {
    String t = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    t = t.replaceAll("^-+|-+$", "");
    return t.isEmpty() ? "x" : t;
  }

  private static String clip(String s) {
    return s.length() <= MAX_NAMESPACE_NAME ? s : s.substring(0, MAX_NAMESPACE_NAME);
  }
}
