package dev.podpath.lab.generate;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a generated snapshot says, read back from its files alone (host.yaml through podpath's YAML
 * reader, configs with small patterns), so tests check the output and not the generator's plan.
 */
record SnapshotFacts(
    Map<String, List<Iface>> interfaces, List<Route> routes, List<Daemon> daemons) {

  record Iface(String host, String name, String segment, List<IfAddress> addresses) {}

  record Route(String host, String to, IpAddr via) {}

  /** One daemon: its host, kind, AS and its declared neighbors. */
  record Daemon(String host, String kind, long asn, List<Neighbor> neighbors) {}

  /** A neighbor as declared: its address and AS, and the local address (null when FRR leaves it implicit). */
  record Neighbor(IpAddr address, long asn, IpAddr local) {}

  private static final Pattern BIRD_LOCAL = Pattern.compile("^\\s*local (\\S+)(?: port \\d+)? as (\\d+);", Pattern.MULTILINE);
  private static final Pattern BIRD_NEIGHBOR = Pattern.compile("^\\s*neighbor (\\S+)(?: port \\d+)? as (\\d+);", Pattern.MULTILINE);
  private static final Pattern FRR_ASN = Pattern.compile("^router bgp (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FRR_NEIGHBOR = Pattern.compile("^ neighbor (\\S+) remote-as (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FRR_SOURCE = Pattern.compile("^ neighbor (\\S+) update-source (\\S+)$", Pattern.MULTILINE);

  static SnapshotFacts of(Map<String, String> files) {
    Map<String, List<Iface>> ifs = new LinkedHashMap<>();
    List<Route> routes = new ArrayList<>();
    List<Daemon> daemons = new ArrayList<>();
    for (var f : files.entrySet()) {
      String[] parts = f.getKey().split("/");
      if (parts.length != 3 || !parts[0].equals("hosts")) {
        continue;
      }
      String host = parts[1];
      switch (parts[2]) {
        case "host.yaml" -> readHost(host, f.getKey(), f.getValue(), ifs, routes);
        case "bird.conf" -> daemons.add(bird(host, f.getValue()));
        case "frr.conf" -> daemons.add(frr(host, f.getValue()));
        default -> throw new AssertionError("unexpected file " + f.getKey());
      }
    }
    return new SnapshotFacts(ifs, routes, daemons);
  }

  private static void readHost(String host, String file, String text, Map<String, List<Iface>> ifs, List<Route> routes) {
    List<YamlDocument> docs = YamlReader.read(text, file);
    YamlDocument d = docs.get(0);
    if (!host.equals(d.getString("name"))) {
      throw new AssertionError(file + ": name is not the folder name");
    }
    List<Iface> list = new ArrayList<>();
    for (Object o : d.getList("interfaces")) {
      Map<?, ?> m = (Map<?, ?>) o;
      List<IfAddress> addrs = new ArrayList<>();
      for (Object a : (List<?>) m.get("addresses")) {
        addrs.add(IfAddress.parse(a.toString()));
      }
      list.add(new Iface(host, (String) m.get("name"), (String) m.get("segment"), addrs));
    }
    ifs.put(host, list);
    for (Object o : d.getList("routes")) {
      Map<?, ?> m = (Map<?, ?>) o;
      routes.add(new Route(host, m.get("to").toString(), IpAddr.parse(m.get("via").toString())));
    }
  }

  private static Daemon bird(String host, String text) {
    List<Neighbor> ns = new ArrayList<>();
    Matcher l = BIRD_LOCAL.matcher(text);
    Matcher n = BIRD_NEIGHBOR.matcher(text);
    long asn = -1;
    while (l.find()) {
      if (!n.find(l.end())) {
        throw new AssertionError("bird.conf of " + host + ": local without neighbor");
      }
      asn = Long.parseLong(l.group(2));
      ns.add(new Neighbor(IpAddr.parse(n.group(1)), Long.parseLong(n.group(2)), IpAddr.parse(l.group(1))));
    }
    return new Daemon(host, "bird", asn, ns);
  }

  private static Daemon frr(String host, String text) {
    Matcher a = FRR_ASN.matcher(text);
    long asn = a.find() ? Long.parseLong(a.group(1)) : -1;
    Map<String, String> sources = new LinkedHashMap<>();
    Matcher s = FRR_SOURCE.matcher(text);
    while (s.find()) {
      sources.put(s.group(1), s.group(2));
    }
    List<Neighbor> ns = new ArrayList<>();
    Matcher n = FRR_NEIGHBOR.matcher(text);
    while (n.find()) {
      String src = sources.get(n.group(1));
      ns.add(new Neighbor(IpAddr.parse(n.group(1)), Long.parseLong(n.group(2)), src == null ? null : IpAddr.parse(src)));
    }
    return new Daemon(host, "frr", asn, ns);
  }

  /** The host whose interfaces carry {@code a}, or null. */
  String owner(IpAddr a) {
    for (var e : interfaces.entrySet()) {
      for (Iface i : e.getValue()) {
        if (i.addresses().stream().anyMatch(x -> x.address().equals(a))) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  List<IfAddress> allAddresses() {
    List<IfAddress> out = new ArrayList<>();
    interfaces.values().forEach(l -> l.forEach(i -> out.addAll(i.addresses())));
    return out;
  }
}
