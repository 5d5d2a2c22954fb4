package dev.podpath.ingest.host;

import static dev.podpath.ingest.DocFields.child;
import static dev.podpath.ingest.DocFields.item;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.DocFields;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code hosts/NAME/host.yaml} (schema: docs/snapshot.md). Unknown keys are warnings (a
 * typo must not silently drop an address); wrong types, invalid addresses and a name that is not
 * the folder's are input problems.
 */
public final class HostReader {

  private static final Set<String> TOP = Set.of("name", "interfaces", "routes", "sysctl");
  private static final Set<String> INTERFACE = Set.of("name", "addresses", "segment", "vrf", "mtu");
  private static final Set<String> ROUTE = Set.of("to", "via", "dev", "table", "metric", "type");
  /** Route types as `ip route` names them (iproute2 ip-route(8) TYPE); unicast is the default. */
  private static final Set<String> ROUTE_TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit");

  private HostReader() {}

  /** Reads one host.yaml and throws one InputException with every problem. */
  public static HostSpec readAll(String folderName, List<YamlDocument> docs, List<Finding> findings) {
    List<InputProblem> problems = new ArrayList<>();
    HostSpec h = read(folderName, docs, problems, findings);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return h;
  }

  /** Returns null when the file holds no usable host (the reason is in {@code problems}). */
  public static HostSpec read(String folderName, List<YamlDocument> docs, List<InputProblem> problems,
      List<Finding> findings) {
    if (docs.size() != 1 || !(docs.get(0).root() instanceof Map<?, ?>)) {
      SourceRef where = docs.isEmpty() ? SourceRef.file("hosts/" + folderName + "/host.yaml") : docs.get(docs.size() > 1 ? 1 : 0).ref();
      problems.add(new InputProblem(where, "host.yaml must be exactly one YAML mapping (name, interfaces, routes, sysctl)"));
      return null;
    }
    YamlDocument doc = docs.get(0);
    DocFields f = new DocFields(doc, problems);
    unknownKeys(f, "", TOP, findings);
    String name = f.requiredString("name");
    if (name != null && !name.equals(folderName)) {
      f.problem("name", "host name '" + name + "' must equal its folder name '" + folderName + "'");
    }
    List<InterfaceSpec> interfaces = interfaces(f, findings);
    Set<String> ifNames = new java.util.HashSet<>();
    interfaces.forEach(i -> ifNames.add(i.name()));
    List<RouteSpec> routes = routes(f, ifNames, findings, folderName);
    Map<String, String> sysctl = new LinkedHashMap<>();
    Map<String, Object> raw = f.map("sysctl");
    for (String k : raw.keySet()) {
      String v = f.string(child("sysctl", k));
      if (v != null) {
        sysctl.put(k, v);
      } else if (raw.get(k) == null) {
        f.problem(child("sysctl", k), "sysctl " + k + " has no value");
      }
    }
    return new HostSpec(name == null ? folderName : name, interfaces, routes, sysctl, doc.ref());
  }

  private static List<InterfaceSpec> interfaces(DocFields f, List<Finding> findings) {
    List<InterfaceSpec> out = new ArrayList<>();
    Map<String, SourceRef> seen = new HashMap<>();
    for (int i = 0; i < f.size("interfaces"); i++) {
      String p = item("interfaces", i);
      if (!(f.at(p) instanceof Map<?, ?>)) {
        f.problem(p, "an interface must be a mapping with name and addresses");
        continue;
      }
      unknownKeys(f, p, INTERFACE, findings);
      String name = f.requiredString(child(p, "name"));
      if (name == null) {
        continue;
      }
      SourceRef first = seen.putIfAbsent(name, f.ref(p));
      if (first != null) {
        f.problem(child(p, "name"), "interface " + name + " is listed twice (first at " + first + ")");
        continue;
      }
      List<AddressSpec> addrs = new ArrayList<>();
      String ap = child(p, "addresses");
      for (int j = 0; j < f.size(ap); j++) {
        IfAddress a = f.ifAddress(item(ap, j));
        if (a != null) {
          addrs.add(new AddressSpec(a, f.ref(item(ap, j))));
        }
      }
      out.add(new InterfaceSpec(name, addrs, f.string(child(p, "segment")), f.string(child(p, "vrf")),
          f.intValue(child(p, "mtu"), 68, 65535), f.ref(p)));
    }
    return out;
  }

  private static List<RouteSpec> routes(DocFields f, Set<String> ifNames, List<Finding> findings, String host) {
    List<RouteSpec> out = new ArrayList<>();
    for (int i = 0; i < f.size("routes"); i++) {
      String p = item("routes", i);
      if (!(f.at(p) instanceof Map<?, ?>)) {
        f.problem(p, "a route must be a mapping with to and via/dev");
        continue;
      }
      unknownKeys(f, p, ROUTE, findings);
      String toText = f.requiredString(child(p, "to"));
      IpPrefix to = null;
      if ("default".equals(toText)) {
        f.problem(child(p, "to"), "write the default route as ::/0 or 0.0.0.0/0 (the family must be explicit)");
      } else if (toText != null) {
        to = f.prefix(child(p, "to"));
      }
      IpAddr via = f.ip(child(p, "via"));
      String dev = f.string(child(p, "dev"));
      String type = f.string(child(p, "type"));
      type = type == null ? "unicast" : type;
      if (!ROUTE_TYPES.contains(type)) {
        f.problem(child(p, "type"), "route type '" + type + "' is not one of " + ROUTE_TYPES.stream().sorted().toList());
        continue;
      }
      boolean unicast = type.equals("unicast");
      if (unicast && !f.has(child(p, "via")) && dev == null) {
        f.problem(p, "a unicast route needs via or dev");
      }
      if (!unicast && (f.has(child(p, "via")) || dev != null)) {
        f.problem(p, "a " + type + " route takes no via or dev");
      }
      // Linux accepts an IPv6 gateway for an IPv4 route (RFC 5549, kernel 5.2+), never the reverse
      if (to != null && via != null && to.v6() && !via.v6()) {
        f.problem(child(p, "via"), "an IPv6 route cannot have the IPv4 gateway " + via);
      }
      if (dev != null && !ifNames.contains(dev)) {
        findings.add(Finding.warning("input/unknown-device",
            "route uses dev " + dev + ", which is not an interface of this host.yaml", f.ref(child(p, "dev"))).onHost(host));
      }
      Object table = f.at(child(p, "table"));
      if (table instanceof Long t && (t < 0 || t > 0xffffffffL)) {
        f.problem(child(p, "table"), "route table " + t + " is out of range");
      }
      // the kernel's route priority is a u32 (e.g. 4278198272 on PVE's VRF unreachable defaults)
      Long metric = f.integer(child(p, "metric"), 0, 0xffffffffL);
      if (to != null) {
        out.add(new RouteSpec(to, via, dev, table == null ? "main" : f.string(child(p, "table")), metric, type, f.ref(p)));
      }
    }
    return out;
  }

  private static void unknownKeys(DocFields f, String path, Set<String> known, List<Finding> findings) {
    for (String k : f.unknownKeys(path, known)) {
      findings.add(Finding.warning("input/unknown-key", "host.yaml key '" + k + "' is not part of the schema"
          + " (docs/snapshot.md) and is ignored; known here: " + known.stream().sorted().toList(),
          f.ref(child(path, k))));
    }
  }
}
