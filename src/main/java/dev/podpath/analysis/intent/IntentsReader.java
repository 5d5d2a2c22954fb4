package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Protocol;
import dev.podpath.ingest.DocFields;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
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
  static final Set<String> SESSION_KEYS = Set.of("host", "peer", "daemon");
  static final Set<String> DAEMONS = Set.of("bird", "frr", "cilium");
  static final Pattern KEEP_KEY = Pattern.compile("(cilium|bird|frr|host)\\.[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  private final List<InputProblem> problems = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<Intent> intents = new ArrayList<>();
  private final List<KeepSetting> keep = new ArrayList<>();
  private final Map<String, SourceRef> names = new HashMap<>();
  private final EndpointReader endpoints = new EndpointReader(problems);

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
      f.problem(p, "keep entry '" + key + "' must be a setting path starting with cilium., bird., frr. or host. "
          + "(e.g. cilium.socketLB.hostNamespaceOnly)");
      return;
    }
    KeepSetting k = new KeepSetting(key, f.ref(p));
    if (k.tool().equals("cilium") && !dev.podpath.ingest.cilium.HelmKeyCatalog.isKnown(k.path())) {
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
    Endpoint from = f.has(DocFields.child(p, "from")) ? endpoints.read(f, DocFields.child(p, "from"), true) : null;
    Endpoint to = f.has(DocFields.child(p, "to")) ? endpoints.read(f, DocFields.child(p, "to"), false) : null;
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

  private static void unknown(DocFields f, String p, Set<String> known, String hint) {
    EndpointReader.unknown(f, p, known, hint);
  }
}
