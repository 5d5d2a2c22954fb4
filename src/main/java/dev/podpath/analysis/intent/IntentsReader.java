package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Protocol;
import dev.podpath.ingest.DocFields;
import dev.podpath.ingest.yaml.YamlDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads intents.yaml (schema: docs/intents.md). Every unknown key, malformed selector, bad value
 * or duplicate name is an {@link InputProblem} at its line; all of them are thrown together as one
 * {@link InputException}. Selectors are checked against the snapshot later, by the resolver.
 */
public final class IntentsReader {

  static final Set<String> TOP_KEYS = Set.of("checks", "keep");
  static final Set<String> CHECK_KEYS =
      Set.of("name", "description", "from", "to", "expect", "protocol", "port", "family", "session");
  static final Set<String> ENDPOINT_KINDS = Set.of("pod", "service", "node", "router", "address");
  static final Set<String> POD_KEYS = Set.of("namespace", "name", "labels", "node");
  static final Set<String> SERVICE_KEYS = Set.of("namespace", "name", "port", "address");
  static final Set<String> NODE_KEYS = Set.of("name", "labels", "role");
  static final Set<String> SESSION_KEYS = Set.of("host", "peer", "daemon");
  static final Set<String> DAEMONS = Set.of("bird", "frr", "cilium");
  static final Pattern KEEP_KEY = Pattern.compile("(cilium|bird|frr)\\.[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
  static final String HELM_KEYS = "/dev/podpath/ingest/cilium/helm-keys.txt";

  private final List<InputProblem> problems = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<Intent> intents = new ArrayList<>();
  private final List<KeepSetting> keep = new ArrayList<>();
  private final Map<String, SourceRef> names = new HashMap<>();

  private IntentsReader() {}

  /** Reads every document of intents.yaml; an absent file (no documents) gives an empty result. */
  public static IntentsFile read(List<YamlDocument> docs) {
    IntentsReader r = new IntentsReader();
    for (YamlDocument d : docs) {
      r.document(new DocFields(d, r.problems));
    }
    if (!r.problems.isEmpty()) {
      throw new InputException(r.problems.stream()
          .sorted(java.util.Comparator.comparing(InputProblem::where)).toList());
    }
    return new IntentsFile(r.intents, r.keep, r.findings);
  }

  private void document(DocFields f) {
    if (f.doc().root() == null) {
      return;
    }
    if (!(f.doc().root() instanceof Map<?, ?>)) {
      f.problem("", "intents.yaml must be a mapping with 'checks' and/or 'keep', got " + DocFields.describe(f.doc().root()));
      return;
    }
    unknown(f, "", TOP_KEYS, "intents.yaml has checks and keep");
    int nk = f.size("keep");
    for (int i = 0; i < nk; i++) {
      keepKey(f, DocFields.item("keep", i));
    }
    int nc = f.size("checks");
    for (int i = 0; i < nc; i++) {
      check(f, DocFields.item("checks", i));
    }
  }

  private void keepKey(DocFields f, String p) {
    String key = f.string(p);
    if (key == null) {
      return;
    }
    if (!KEEP_KEY.matcher(key).matches()) {
      f.problem(p, "keep entry '" + key + "' must be a setting path starting with cilium., bird. or frr. "
          + "(e.g. cilium.socketLB.hostNamespaceOnly)");
      return;
    }
    KeepSetting k = new KeepSetting(key, f.ref(p));
    if (k.tool().equals("cilium") && !HelmKeys.knows(k.path())) {
      findings.add(Finding.warning("intent/unknown-keep-key", "keep: '" + key + "' is no Helm value of the cilium chart "
          + "podpath knows (a typo keeps nothing)", f.ref(p)));
    }
    keep.add(k);
  }

  private void check(DocFields f, String p) {
    if (!(f.at(p) instanceof Map<?, ?>)) {
      f.problem(p, "a check must be a mapping (name, from, to, expect), got " + DocFields.describe(f.at(p)));
      return;
    }
    int before = problems.size();
    unknown(f, p, CHECK_KEYS, "a check has name, description, from, to, expect, protocol, port, family (or session)");
    String name = f.requiredString(DocFields.child(p, "name"));
    if (name != null) {
      if (name.isBlank()) {
        f.problem(DocFields.child(p, "name"), "a check's name must not be empty");
      } else if (names.containsKey(name)) {
        f.problem(DocFields.child(p, "name"), "duplicate check name '" + name + "' (first at " + names.get(name) + ")");
      } else {
        names.put(name, f.ref(DocFields.child(p, "name")));
      }
    }
    String description = f.string(DocFields.child(p, "description"));
    String expectText = f.string(DocFields.child(p, "expect"));
    if (f.has(DocFields.child(p, "session"))) {
      for (String k : List.of("from", "to", "protocol", "port", "family")) {
        if (f.has(DocFields.child(p, k))) {
          f.problem(DocFields.child(p, k), "a session check takes no '" + k + "'");
        }
      }
      if (expectText != null && !expectText.equals("established")) {
        f.problem(DocFields.child(p, "expect"), "a session check expects 'established', not '" + expectText + "'");
      }
      SessionIntent s = session(f, DocFields.child(p, "session"), name, description, f.ref(p));
      if (problems.size() == before && s != null) {
        intents.add(s);
      }
      return;
    }
    Expectation expect = Expectation.REACHABLE;
    if (expectText != null) {
      if (expectText.equals("reachable")) {
        expect = Expectation.REACHABLE;
      } else if (expectText.equals("blocked")) {
        expect = Expectation.BLOCKED;
      } else {
        f.problem(DocFields.child(p, "expect"), "expect must be reachable or blocked (established is for session checks), got '"
            + expectText + "'");
      }
    }
    Protocol protocol = Protocol.TCP;
    String proto = f.string(DocFields.child(p, "protocol"));
    if (proto != null) {
      try {
        protocol = Protocol.valueOf(proto);
      } catch (IllegalArgumentException e) {
        f.problem(DocFields.child(p, "protocol"), "protocol must be TCP, UDP or SCTP, got '" + proto + "'");
      }
    }
    Integer port = f.intValue(DocFields.child(p, "port"), 1, 65535);
    Family family = null;
    String fam = f.string(DocFields.child(p, "family"));
    if (fam != null) {
      if (fam.equals("ipv4")) {
        family = Family.IPV4;
      } else if (fam.equals("ipv6")) {
        family = Family.IPV6;
      } else {
        f.problem(DocFields.child(p, "family"), "family must be ipv4 or ipv6, got '" + fam + "'");
      }
    }
    if (!f.has(DocFields.child(p, "from"))) {
      f.problem(p, "check '" + (name == null ? "" : name) + "' needs 'from' (or 'session')");
    }
    if (!f.has(DocFields.child(p, "to"))) {
      f.problem(p, "check '" + (name == null ? "" : name) + "' needs 'to'");
    }
    Endpoint from = f.has(DocFields.child(p, "from")) ? endpoint(f, DocFields.child(p, "from"), true) : null;
    Endpoint to = f.has(DocFields.child(p, "to")) ? endpoint(f, DocFields.child(p, "to"), false) : null;
    if (to instanceof Endpoint.ServiceSelector && port != null) {
      f.problem(DocFields.child(p, "port"), "the port of a Service destination goes into the service selector (service.port)");
    }
    if (to instanceof Endpoint.ServiceSelector && proto != null) {
      f.problem(DocFields.child(p, "protocol"), "a Service destination uses the protocol of its port; leave 'protocol' out");
    }
    if (problems.size() == before && from != null && to != null && name != null) {
      String desc = description != null ? description
          : from.describe() + " " + (expect == Expectation.REACHABLE ? "reaches" : "cannot reach") + " " + to.describe();
      intents.add(new FlowIntent(name, from, to, expect, protocol, port == null ? FlowIntent.DEFAULT_PORT : port, family,
          desc, f.ref(p), false));
    }
  }

  private SessionIntent session(DocFields f, String p, String name, String description, SourceRef where) {
    if (!(f.at(p) instanceof Map<?, ?>)) {
      f.problem(p, "session must be a mapping with host and peer, got " + DocFields.describe(f.at(p)));
      return null;
    }
    unknown(f, p, SESSION_KEYS, "a session has host, peer and optionally daemon (bird, frr, cilium)");
    String host = f.requiredString(DocFields.child(p, "host"));
    IpAddr peer = f.has(DocFields.child(p, "peer")) ? f.ip(DocFields.child(p, "peer")) : null;
    if (!f.has(DocFields.child(p, "peer"))) {
      f.problem(p, "session needs 'peer' (the neighbor address)");
    }
    String daemon = f.string(DocFields.child(p, "daemon"));
    if (daemon != null && !DAEMONS.contains(daemon)) {
      f.problem(DocFields.child(p, "daemon"), "daemon must be bird, frr or cilium, got '" + daemon + "'");
    }
    if (host == null || peer == null || name == null) {
      return null;
    }
    String desc = description != null ? description
        : "the BGP session of " + (daemon == null ? "" : daemon + " on ") + host + " with " + peer + " is Established";
    return new SessionIntent(name, host, daemon, peer, null, null, desc, where, false);
  }

  private Endpoint endpoint(DocFields f, String p, boolean isSource) {
    Object v = f.at(p);
    SourceRef ref = f.ref(p);
    if (v instanceof String s) {
      try {
        Endpoint e = EndpointText.parse(s, ref);
        if (isSource && e instanceof Endpoint.AddressRef) {
          f.problem(p, "an address source needs 'via: HOST/IFACE' (where its packets enter the model); "
              + "write from: {address: ..., via: ...}");
          return null;
        }
        return e;
      } catch (InputException e) {
        problems.addAll(e.problems());
        return null;
      }
    }
    if (!(v instanceof Map<?, ?> m)) {
      f.problem(p, "an endpoint is a mapping with one of pod, service, node, router, address (or the one-line form "
          + EndpointText.FORMS + "), got " + DocFields.describe(v));
      return null;
    }
    Set<String> allowed = new HashSet<>(ENDPOINT_KINDS);
    allowed.add("via");
    unknown(f, p, allowed, "an endpoint has one of pod, service, node, router, address");
    List<String> kinds = m.keySet().stream().map(String::valueOf).filter(ENDPOINT_KINDS::contains).toList();
    if (kinds.size() != 1) {
      f.problem(p, "an endpoint names exactly one of pod, service, node, router, address; got "
          + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
      return null;
    }
    String kind = kinds.get(0);
    String kp = DocFields.child(p, kind);
    if (f.has(DocFields.child(p, "via")) && !kind.equals("address")) {
      f.problem(DocFields.child(p, "via"), "'via' goes with an address source only");
    }
    return switch (kind) {
      case "pod" -> pod(f, kp);
      case "service" -> service(f, kp, isSource);
      case "node" -> node(f, kp);
      case "router" -> router(f, kp);
      default -> address(f, p, kp, isSource);
    };
  }

  private Endpoint pod(DocFields f, String p) {
    Object v = f.at(p);
    if (v instanceof String s) {
      return textual(f, p, "pod:" + s);
    }
    if (!(v instanceof Map<?, ?>)) {
      f.problem(p, "pod must be NS/NAME or a mapping (namespace, name, labels, node), got " + DocFields.describe(v));
      return null;
    }
    unknown(f, p, POD_KEYS, "a pod selector has namespace, name, labels, node");
    String ns = f.string(DocFields.child(p, "namespace"));
    String name = f.string(DocFields.child(p, "name"));
    Map<String, String> labels = f.stringMap(DocFields.child(p, "labels"));
    String node = f.string(DocFields.child(p, "node"));
    if (name != null && ns == null) {
      ns = "default";
    }
    return new Endpoint.PodSelector(ns, name, labels, node, f.ref(p));
  }

  private Endpoint service(DocFields f, String p, boolean isSource) {
    if (isSource) {
      f.problem(p, "a Service cannot be a source (its backends are pods: select them with pod)");
      return null;
    }
    Object v = f.at(p);
    if (v instanceof String s) {
      return textual(f, p, "svc:" + s);
    }
    if (!(v instanceof Map<?, ?>)) {
      f.problem(p, "service must be NS/NAME[:PORT] or a mapping (namespace, name, port, address), got "
          + DocFields.describe(v));
      return null;
    }
    unknown(f, p, SERVICE_KEYS, "a service selector has namespace, name, port, address");
    String ns = f.string(DocFields.child(p, "namespace"));
    String name = f.requiredString(DocFields.child(p, "name"));
    String port = f.string(DocFields.child(p, "port"));
    String at = f.string(DocFields.child(p, "address"));
    AddressType type = AddressType.CLUSTER_IP;
    if (at != null) {
      type = AddressType.fromKeyword(at);
      if (type == null) {
        f.problem(DocFields.child(p, "address"), "address must be ClusterIP, LoadBalancer, NodePort or ExternalIP, got '"
            + at + "'");
        return null;
      }
    }
    if (name == null) {
      return null;
    }
    return new Endpoint.ServiceSelector(ns == null ? "default" : ns, name, port, type, f.ref(p));
  }

  private Endpoint node(DocFields f, String p) {
    Object v = f.at(p);
    if (v instanceof String s) {
      return textual(f, p, "node:" + s);
    }
    if (!(v instanceof Map<?, ?>)) {
      f.problem(p, "node must be a name or a mapping (name, labels, role), got " + DocFields.describe(v));
      return null;
    }
    unknown(f, p, NODE_KEYS, "a node selector has name, labels, role");
    String role = f.string(DocFields.child(p, "role"));
    if (role != null && !role.equals("control-plane") && !role.equals("worker")) {
      f.problem(DocFields.child(p, "role"), "role must be control-plane or worker, got '" + role + "'");
      return null;
    }
    return new Endpoint.NodeSelector(f.string(DocFields.child(p, "name")), f.stringMap(DocFields.child(p, "labels")),
        role, f.ref(p));
  }

  private Endpoint router(DocFields f, String p) {
    Object v = f.at(p);
    if (!(v instanceof String s)) {
      f.problem(p, "router must be a host name (its hosts/ folder), got " + DocFields.describe(v));
      return null;
    }
    return textual(f, p, "router:" + s);
  }

  private Endpoint address(DocFields f, String endpointPath, String p, boolean isSource) {
    IpAddr a = f.ip(p);
    if (a == null) {
      if (!f.has(p)) {
        f.problem(p, "address must be an IP address");
      }
      return null;
    }
    String viaPath = DocFields.child(endpointPath, "via");
    String via = f.string(viaPath);
    if (!isSource) {
      if (via != null) {
        f.problem(viaPath, "'via' goes with an address source only");
      }
      return new Endpoint.AddressRef(a, null, null, f.ref(p));
    }
    if (via == null) {
      f.problem(p, "an address source needs 'via: HOST/IFACE' (the host and interface where its packets enter the model)");
      return null;
    }
    int slash = via.indexOf('/');
    if (slash <= 0 || slash == via.length() - 1) {
      f.problem(viaPath, "via must be HOST/IFACE, got '" + via + "'");
      return null;
    }
    return new Endpoint.AddressRef(a, via.substring(0, slash), via.substring(slash + 1), f.ref(p));
  }

  private Endpoint textual(DocFields f, String p, String text) {
    try {
      return EndpointText.parse(text, f.ref(p));
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private void unknown(DocFields f, String p, Set<String> known, String hint) {
    for (String k : f.unknownKeys(p, known)) {
      f.problem(DocFields.child(p, k), "unknown key '" + k + "' (" + hint + ")");
    }
  }

  /**
   * The Helm value paths the cilium chart knows, from the catalog the Cilium reader uses
   * (ingest/cilium/helm-keys.txt): a top-level key must be listed; a sub-key only when the catalog
   * lists sub-keys for its parent (the same rule as HelmKeyCatalog, which is not public).
   */
  static final class HelmKeys {
    private static final Set<String> KEYS = load();

    private HelmKeys() {}

    static boolean knows(String path) {
      String[] parts = path.split("\\.");
      String prefix = "";
      for (String part : parts) {
        String candidate = prefix.isEmpty() ? part : prefix + "." + part;
        String parent = prefix;
        boolean parentHasChildren = parent.isEmpty() || KEYS.stream().anyMatch(k -> k.startsWith(parent + "."));
        if (!parentHasChildren) {
          return true;
        }
        if (!KEYS.contains(candidate)) {
          return false;
        }
        prefix = candidate;
      }
      return true;
    }

    private static Set<String> load() {
      Set<String> out = new HashSet<>();
      try (InputStream in = IntentsReader.class.getResourceAsStream(HELM_KEYS)) {
        if (in == null) {
          return out;
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) {
            out.add(t);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return out;
    }
  }
}
