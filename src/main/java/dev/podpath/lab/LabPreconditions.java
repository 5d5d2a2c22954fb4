package dev.podpath.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the machine must offer before a lab run starts; {@link #check} throws if anything is missing. */
public final class LabPreconditions {

  public static final Path BIRD = Path.of("/usr/sbin/bird");
  public static final Path BIRDC = Path.of("/usr/sbin/birdc");
  public static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
  public static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
  public static final Path STATICD = Path.of("/usr/lib/frr/staticd");
  public static final Path VTYSH = Path.of("/usr/bin/vtysh");
  public static final Path IP = Path.of("/usr/sbin/ip");
  public static final Path PING = Path.of("/usr/bin/ping");
  public static final Path GOBGPD = Path.of("/usr/bin/gobgpd");
  public static final Path GOBGP = Path.of("/usr/bin/gobgp");

  private LabPreconditions() {}

  /** Throws {@link LabUnavailableException} listing every missing piece the topology needs. */
  public static void check(LabTopology topology) {
    List<String> missing = missing(topology);
    if (!missing.isEmpty()) {
      throw new LabUnavailableException(missing);
    }
  }

  /** Every reason this machine cannot run {@code topology} (empty when it can). */
  public static List<String> missing(LabTopology topology) {
    List<String> out = new ArrayList<>();
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      out.add("the lab needs Linux network namespaces; this is " + System.getProperty("os.name"));
      return out;
    }
    if (!root()) {
      out.add("the lab needs root (it creates network namespaces and starts routing daemons); run it as root");
    }
    requireExecutable(out, IP, "iproute2");
    requireExecutable(out, PING, "iputils-ping");
    boolean bird = topology.hosts().stream().anyMatch(h -> h.bird() != null);
    boolean frr = topology.hosts().stream().anyMatch(h -> h.frr() != null);
    if (bird) {
      requireExecutable(out, BIRD, "bird2");
      requireExecutable(out, BIRDC, "bird2");
    }
    if (frr) {
      requireExecutable(out, ZEBRA, "frr");
      requireExecutable(out, BGPD, "frr");
      requireExecutable(out, STATICD, "frr");
      requireExecutable(out, VTYSH, "frr");
    }
    if (!topology.speakers().isEmpty()) {
      requireExecutable(out, GOBGPD, "gobgpd");
      requireExecutable(out, GOBGP, "gobgpd");
    }
    return out;
  }

  private static void requireExecutable(List<String> out, Path p, String pkg) {
    if (!Files.isExecutable(p)) {
      out.add(p + " is missing (Debian package " + pkg + ")");
    }
  }

  /** Effective uid 0, read from /proc (no JNI needed). */
  static boolean root() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] f = line.substring(4).strip().split("\\s+");
          return f.length > 1 && f[1].equals("0");
        }
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return false;
  }
}
