package dev.podpath.ingest.talos;

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
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Talos machine configs and patches (multi-document). Attribution of a file to a host is
 * described in docs/snapshot.md: by file or folder name when it names a known host, else by the
 * hostname written in the file, else the file is cluster-wide (subnets only).
 */
public final class TalosReader {

  /** Multi-doc link kinds that carry addresses and routes (TAL pkg/machinery/config/types/network). */
  private static final Set<String> LINK_KINDS =
      Set.of("LinkConfig", "BondConfig", "VLANConfig", "BridgeConfig", "DummyLinkConfig");

  /**
   * Host of documents under {@code talos/all-nodes/}: they apply to every Kubernetes Node (a patch
   * applied to all machines, e.g. a bird2 config using {@code router id from "dummy0"}).
   */
  public static final String ALL_NODES = "*";

  private static final Pattern CONTENT_KEY = Pattern.compile("(?:^|[\\s{,-])content\\s*:\\s*(.*)$");

  private final Set<String> knownHosts;
  private final List<InputProblem> problems;
  private final List<Finding> findings;
  private final List<TalosMachineConfig> machines = new ArrayList<>();
  private final List<TalosLink> links = new ArrayList<>();
  private final List<TalosExtensionService> services = new ArrayList<>();

  public TalosReader(Set<String> knownHosts, List<InputProblem> problems, List<Finding> findings) {
    this.knownHosts = Set.copyOf(knownHosts);
    this.problems = problems;
    this.findings = findings;
  }

  /** Reads one file's documents; tests use this with no known hosts. */
  public static TalosFacts readAll(String file, String text, List<YamlDocument> docs, Set<String> knownHosts,
      List<Finding> findings) {
    List<InputProblem> problems = new ArrayList<>();
    TalosReader r = new TalosReader(knownHosts, problems, findings);
    r.add(file, text, docs);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return r.result();
  }

  public TalosFacts result() {
    return new TalosFacts(machines, links, services);
  }

  /** {@code file} is relative to the snapshot root (talos/...); {@code text} is the file's text. */
  public void add(String file, String text, List<YamlDocument> docs) {
    String host = attribute(file, docs);
    String[] lines = text.split("\\R", -1);
    boolean unattributedFacts = false;
    for (YamlDocument doc : docs) {
      DocFields f = new DocFields(doc, problems);
      if (!(doc.root() instanceof Map<?, ?>)) {
        findings.add(Finding.warning("input/not-a-talos-document", "document is not a mapping; ignored", doc.ref()));
        continue;
      }
      String kind = f.string("kind");
      if (kind == null) {
        if (f.has("machine") || f.has("cluster")) {
          unattributedFacts |= machineConfig(f, host) && host == null;
        } else {
          findings.add(Finding.info("input/unknown-kind", "Talos document without kind, machine or cluster; ignored",
              doc.ref()));
        }
      } else if (LINK_KINDS.contains(kind)) {
        links.add(multiDocLink(f, kind, host));
        unattributedFacts |= host == null;
      } else if ("ExtensionServiceConfig".equals(kind)) {
        services.add(extensionService(f, host, lines));
        unattributedFacts |= host == null;
      } else if (!"HostnameConfig".equals(kind)) {
        findings.add(Finding.info("input/unknown-kind", "Talos " + kind + " is not modelled by podpath; ignored",
            f.ref("kind")));
      }
    }
    if (unattributedFacts) {
      findings.add(Finding.warning("talos/unattributed",
          "no host for this Talos file (name it talos/<host>.yaml or set machine.network.hostname):"
              + " its interfaces, routes and extension configs apply to no host", SourceRef.file(file)));
    }
  }

  /** Host of a file: its name or first folder under talos/ if that is a known host, else the hostname it sets. */
  private String attribute(String file, List<YamlDocument> docs) {
    String rest = file.startsWith("talos/") ? file.substring("talos/".length()) : file;
    if (rest.startsWith("all-nodes/")) {
      return ALL_NODES;
    }
    int slash = rest.indexOf('/');
    String byName = slash >= 0 ? rest.substring(0, slash) : rest.replaceFirst("\\.(ya?ml|json)$", "");
    String hostname = null;
    SourceRef hostnameRef = null;
    for (YamlDocument d : docs) {
      DocFields f = new DocFields(d, new ArrayList<>());
      String h = "HostnameConfig".equals(f.string("kind")) ? f.string("hostname") : f.string("machine.network.hostname");
      String path = "HostnameConfig".equals(f.string("kind")) ? "hostname" : "machine.network.hostname";
      if (h != null && !h.isBlank()) {
        hostname = h.strip();
        hostnameRef = f.ref(path);
      }
    }
    if (knownHosts.contains(byName)) {
      if (hostname != null && !hostname.equals(byName)) {
        findings.add(Finding.warning("talos/hostname-mismatch", "file is named after host " + byName
            + " but sets hostname " + hostname + "; podpath attributes it to " + byName, hostnameRef).onHost(byName));
      }
      return byName;
    }
    return hostname;
  }

  private boolean machineConfig(DocFields f, String host) {
    List<IpPrefix> pods = prefixes(f, "cluster.network.podSubnets");
    List<IpPrefix> svcs = prefixes(f, "cluster.network.serviceSubnets");
    String ifs = "machine.network.interfaces";
    int n = f.size(ifs);
    for (int i = 0; i < n; i++) {
      String p = item(ifs, i);
      String name = f.string(child(p, "interface"));
      Map<String, String> selector = f.stringMap(child(p, "deviceSelector"));
      links.add(new TalosLink(host, "interface", name, selector, null, null, addresses(f, child(p, "addresses")),
          v1Routes(f, child(p, "routes")), f.intValue(child(p, "mtu"), 0, 65535), f.bool(child(p, "dhcp")), f.ref(p)));
      String vl = child(p, "vlans");
      for (int j = 0; j < f.size(vl); j++) {
        String v = item(vl, j);
        Integer id = f.intValue(child(v, "vlanId"), 0, 4095);
        links.add(new TalosLink(host, "vlan", name == null || id == null ? null : name + "." + id, selector, name, id,
            addresses(f, child(v, "addresses")), v1Routes(f, child(v, "routes")), f.intValue(child(v, "mtu"), 0, 65535),
            f.bool(child(v, "dhcp")), f.ref(v)));
      }
    }
    machines.add(new TalosMachineConfig(host, f.string("machine.network.hostname"), pods, svcs,
        f.string("cluster.network.cni.name"), f.bool("cluster.proxy.disabled"),
        f.bool("machine.features.kubePrism.enabled"), f.intValue("machine.features.kubePrism.port", 1, 65535), f.doc()));
    return n > 0;
  }

  private TalosLink multiDocLink(DocFields f, String kind, String host) {
    List<TalosRoute> routes = new ArrayList<>();
    for (int i = 0; i < f.size("routes"); i++) {
      String r = item("routes", i);
      IpAddr gw = gateway(f, child(r, "gateway"));
      IpPrefix dst = f.prefix(child(r, "destination"));
      if (dst == null && !f.has(child(r, "destination")) && gw != null) {
        dst = IpPrefix.defaultRoute(gw.v6()); // no destination = default route of the gateway's family
      }
      if (dst != null) {
        routes.add(new TalosRoute(dst, gw, f.ip(child(r, "source")), f.intValue(child(r, "metric"), 0, Integer.MAX_VALUE),
            f.intValue(child(r, "mtu"), 0, 65535), f.intValue(child(r, "table"), 0, Integer.MAX_VALUE), f.ref(r)));
      } else if (!f.has(child(r, "destination"))) {
        f.problem(r, "a route needs a destination or a gateway");
      }
    }
    List<AddressSpec> addrs = new ArrayList<>();
    for (int i = 0; i < f.size("addresses"); i++) {
      String a = child(item("addresses", i), "address");
      IfAddress ifa = f.ifAddress(a);
      if (ifa != null) {
        addrs.add(new AddressSpec(ifa, f.ref(a)));
      }
    }
    return new TalosLink(host, kind, f.requiredString("name"), Map.of(), f.string("parent"),
        f.intValue("vlanID", 0, 4095), addrs, routes, f.intValue("mtu", 0, 65535), null, f.ref(""));
  }

  private TalosExtensionService extensionService(DocFields f, String host, String[] lines) {
    // TAL service_config.go Validate: "name is required"; content and mountPath required per file
    String name = f.requiredString("name");
    List<TalosExtensionService.ConfigFile> files = new ArrayList<>();
    for (int i = 0; i < f.size("configFiles"); i++) {
      String p = item("configFiles", i);
      String content = f.requiredString(child(p, "content"));
      String mount = f.requiredString(child(p, "mountPath"));
      if (content == null || mount == null) {
        continue;
      }
      int keyLine = f.doc().lineOf(child(p, "content"));
      String after = "";
      if (keyLine >= 1 && keyLine <= lines.length) {
        Matcher m = CONTENT_KEY.matcher(lines[keyLine - 1]);
        after = m.find() ? m.group(1).strip() : "";
      }
      boolean literal = after.startsWith("|");
      boolean block = literal || after.startsWith(">");
      SourceRef start = SourceRef.of(f.doc().file(), block ? keyLine + 1 : keyLine);
      files.add(new TalosExtensionService.ConfigFile(mount, content, start, literal, f.ref(p)));
    }
    return new TalosExtensionService(host, name, files, f.doc());
  }

  private static List<IpPrefix> prefixes(DocFields f, String path) {
    List<IpPrefix> out = new ArrayList<>();
    for (int i = 0; i < f.size(path); i++) {
      IpPrefix p = f.prefix(item(path, i));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<AddressSpec> addresses(DocFields f, String path) {
    List<AddressSpec> out = new ArrayList<>();
    for (int i = 0; i < f.size(path); i++) {
      IfAddress a = f.ifAddress(item(path, i));
      if (a != null) {
        out.add(new AddressSpec(a, f.ref(item(path, i))));
      }
    }
    return out;
  }

  // TAL v1alpha1_types.go Route: network, gateway (empty => link-scope), source, metric, mtu
  private static List<TalosRoute> v1Routes(DocFields f, String path) {
    List<TalosRoute> out = new ArrayList<>();
    for (int i = 0; i < f.size(path); i++) {
      String r = item(path, i);
      IpPrefix net = f.prefix(child(r, "network"));
      IpAddr gw = gateway(f, child(r, "gateway"));
      if (net == null && !f.has(child(r, "network"))) {
        f.problem(r, "a Talos route needs 'network'");
        continue;
      }
      if (net != null) {
        out.add(new TalosRoute(net, gw, f.ip(child(r, "source")), f.intValue(child(r, "metric"), 0, Integer.MAX_VALUE),
            f.intValue(child(r, "mtu"), 0, 65535), null, f.ref(r)));
      }
    }
    return out;
  }

  /** An empty or absent gateway is a link-scope route (TAL v1alpha1_types.go Route.Gateway). */
  private static IpAddr gateway(DocFields f, String path) {
    String s = f.string(path);
    return s == null || s.isBlank() ? null : f.ip(path);
  }
}
