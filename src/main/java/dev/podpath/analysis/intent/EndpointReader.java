package dev.podpath.analysis.intent;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.DocFields;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code from}/{@code to} endpoints of intents.yaml checks (schema: docs/intents.md, "Endpoints"). */
final class EndpointReader {

  static final Set<String> ENDPOINT_KINDS = Set.of("pod", "service", "node", "router", "address");
  static final Set<String> POD_KEYS = Set.of("namespace", "name", "labels", "node");
  static final Set<String> SERVICE_KEYS = Set.of("namespace", "name", "port", "address");
  static final Set<String> NODE_KEYS = Set.of("name", "labels", "role");

  private final List<InputProblem> problems;

  EndpointReader(List<InputProblem> problems) {
    this.problems = problems;
  }

  /** The endpoint at {@code p} (a mapping or the one-line form), or null with the problem recorded. */
  Endpoint read(DocFields f, String p, boolean isSource) {
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

  static void unknown(DocFields f, String p, Set<String> known, String hint) {
    for (String k : f.unknownKeys(p, known)) {
      f.problem(DocFields.child(p, k), "unknown key '" + k + "' (" + hint + ")");
    }
  }

}
