package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.KubeYamlEdit;
import dev.podpath.controlplane.SessionDownReason;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.kubernetes.CiliumBGPAdvertisement;
import dev.podpath.ingest.kubernetes.CiliumBGPClusterConfig;
import dev.podpath.ingest.kubernetes.CiliumBGPNodeConfigOverride;
import dev.podpath.ingest.kubernetes.CiliumBGPPeerConfig;
import dev.podpath.ingest.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves on the Cilium BGP resources (cilium.io/v2), written into the operator's YAML line by line
 * (comments and formatting kept), each generated only from the baseline's symptom:
 * CiliumBGPNodeConfigOverride {@code localAddress} for a Cilium session down on a source address
 * mismatch; a CiliumBGPPeerConfig family for a pod CIDR family the failing paths need but the peer
 * config does not carry; CiliumBGPAdvertisement labels when a peer family's selector picks no
 * advertisement. Keys: {@code cilium.bgp-resources.local-address|families|advertisement-labels}
 * ({@code --keep cilium.bgp-resources} keeps all three).
 */
final class CiliumBgpMoves {

  static final String PREFIX = "cilium.bgp-resources.";

  private CiliumBgpMoves() {}

  static void of(CheckResult baseline, Keep keep, List<FixMove> out, List<String> skipped) {
    if (baseline.findings().stream().noneMatch(MoveCatalog::isError)) {
      return;
    }
    List<FixMove> found = new ArrayList<>();
    localAddress(baseline, found);
    List<IpAddr> dead = new ArrayList<>(DeadEnd.addresses(DeadEnd.of(baseline)));
    families(baseline, dead, found);
    advertisementLabels(baseline, dead, found);
    for (FixMove m : found) {
      if (keep.forbids(m.key())) {
        skipped.add(m.key() + ": kept (" + keep.why(m.key()) + ")");
      } else {
        out.add(m);
      }
    }
  }

  /** A Cilium session down because Cilium connects from another address than its peer's neighbor statement names. */
  private static void localAddress(CheckResult baseline, List<FixMove> out) {
    Snapshot s = baseline.snapshot();
    List<SessionResult> sessions = baseline.simulation().controlPlane().sessions();
    List<Edit> edits = new ArrayList<>();
    for (SessionResult r : sessions) {
      if (r.established() || !r.daemon().equals("cilium") || r.reason() != SessionDownReason.SOURCE_ADDRESS_MISMATCH
          || r.neighborId().indexOf('/') < 0) {
        continue;
      }
      // the peer's own view: the address it expects Cilium to connect from
      IpAddr want = sessions.stream().filter(o -> r.peerHost() != null && o.host().equals(r.peerHost())
              && r.peerDaemon() != null && o.daemon().equals(r.peerDaemon()) && o.neighborId().equals(r.peerNeighborId()))
          .map(SessionResult::peerAddress).findFirst().orElse(null);
      if (want == null) {
        continue;
      }
      String instance = r.neighborId().substring(0, r.neighborId().indexOf('/'));
      String peer = r.neighborId().substring(r.neighborId().indexOf('/') + 1);
      String value = "\"" + want + "\"";
      String why = "Cilium on " + r.host() + " connects to " + peer + " from " + want;
      CiliumBGPNodeConfigOverride o = s.kubernetes().bgpNodeConfigOverride(r.host()).orElse(null);
      // cilium bgp_node_override_types.go CiliumBGPNodeConfigPeerOverride.LocalAddress: the session's source address
      if (o == null) {
        CiliumBGPClusterConfig cc = s.kubernetes().bgpClusterConfigs().stream()
            .filter(c -> c.bgpInstances().stream().anyMatch(i -> i.name().equals(instance))).findFirst().orElse(null);
        if (cc == null) {
          continue;
        }
        String[] lines = lines(s, cc.doc().file());
        int at = lines[lines.length - 1].isEmpty() ? lines.length : lines.length + 1;
        edits.add(new KubeYamlEdit(cc.doc().file(), at, at - 1, "---\napiVersion: cilium.io/v2\nkind: CiliumBGPNodeConfigOverride\n"
            + "metadata:\n  name: " + r.host() + "\nspec:\n  bgpInstances:\n    - name: " + instance + "\n      peers:\n        - name: "
            + peer + "\n          localAddress: " + value, why));
        continue;
      }
      YamlDocument d = o.doc();
      String[] lines = lines(s, d.file());
      int i = indexOf(o.bgpInstances().stream().map(CiliumBGPNodeConfigOverride.Instance::name).toList(), instance);
      if (i < 0) {
        continue; // a new instance entry in an existing override: left to the operator
      }
      String ip = "spec.bgpInstances[" + i + "]";
      int j = indexOf(o.bgpInstances().get(i).peers().stream().map(CiliumBGPNodeConfigOverride.Peer::name).toList(), peer);
      if (j >= 0 && d.lines().containsKey(ip + ".peers[" + j + "].localAddress")) {
        int n = d.lineOf(ip + ".peers[" + j + "].localAddress");
        edits.add(new KubeYamlEdit(d.file(), n, n, setValue(lines[n - 1], value), why));
      } else if (j >= 0 && d.lines().containsKey(ip + ".peers[" + j + "].name")) {
        int n = d.lineOf(ip + ".peers[" + j + "].name");
        edits.add(new KubeYamlEdit(d.file(), n + 1, n, keyIndent(lines[n - 1]) + "localAddress: " + value, why));
      } else if (j < 0 && !d.lines().containsKey(ip + ".peers") && d.lines().containsKey(ip + ".name")) {
        int n = d.lineOf(ip + ".name");
        String in = keyIndent(lines[n - 1]);
        edits.add(new KubeYamlEdit(d.file(), n + 1, n, in + "peers:\n" + in + "  - name: " + peer + "\n" + in + "    localAddress: "
            + value, why));
      }
    }
    add(out, "local-address", "Cilium BGP: the override's localAddress to the address the peer expects", edits, false,
        "per node: the Cilium session's source address (CiliumBGPNodeConfigOverride)");
  }

  /** A pod CIDR family the failing paths need that a peer config in use does not carry. */
  private static void families(CheckResult baseline, List<IpAddr> dead, List<FixMove> out) {
    Snapshot s = baseline.snapshot();
    List<Edit> edits = new ArrayList<>();
    for (CiliumBGPPeerConfig pc : s.kubernetes().bgpPeerConfigs()) {
      if (pc.families().isEmpty() || !used(s, pc.name())) {
        continue; // no families written: Cilium's default already carries both (bgp_peer_types.go SetDefaults)
      }
      for (boolean v6 : new boolean[] {true, false}) {
        String afi = v6 ? "ipv6" : "ipv4";
        List<IpPrefix> cidrs = BirdMoves.podCidrs(s, v6);
        if (pc.families().stream().anyMatch(f -> afi.equals(f.afi())) || dead.stream().noneMatch(a -> cidrs.stream().anyMatch(c -> c.contains(a)))) {
          continue;
        }
        YamlDocument d = pc.doc();
        String[] lines = lines(s, d.file());
        int first = d.lineOf("spec.families[0]");
        int afiLine = d.lines().containsKey("spec.families[0].afi") ? d.lineOf("spec.families[0].afi") : -1;
        int lastStart = d.lineOf("spec.families[" + (pc.families().size() - 1) + "]");
        if (afiLine < first || !lines[first - 1].strip().startsWith("-")) {
          continue;
        }
        // cilium bgp_peer_types.go CiliumBGPFamilyWithAdverts: afi/safi plus the advertisements selector, copied from the first family
        List<String> copy = new ArrayList<>();
        for (int n = first; n <= itemEnd(lines, first); n++) {
          copy.add(n == afiLine ? setValue(lines[n - 1], afi) : lines[n - 1]);
        }
        int end = itemEnd(lines, lastStart);
        edits.add(new KubeYamlEdit(d.file(), end + 1, end, String.join("\n", copy), "peer config " + pc.name() + " also carries " + afi));
      }
    }
    add(out, "families", "Cilium BGP: the peer config carries the pod CIDR family the failing paths need", edits, true,
        "every node whose cluster config uses the peer config: a new family on the session (the peer must accept it too)");
  }

  /** A peer family's matchLabels pick no CiliumBGPAdvertisement: give the PodCIDR advertisement those labels. */
  private static void advertisementLabels(CheckResult baseline, List<IpAddr> dead, List<FixMove> out) {
    Snapshot s = baseline.snapshot();
    List<IpPrefix> cidrs = new ArrayList<>(BirdMoves.podCidrs(s, true));
    cidrs.addAll(BirdMoves.podCidrs(s, false));
    if (dead.stream().noneMatch(a -> cidrs.stream().anyMatch(c -> c.contains(a)))) {
      return;
    }
    List<Edit> edits = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (CiliumBGPPeerConfig pc : s.kubernetes().bgpPeerConfigs()) {
      if (!used(s, pc.name())) {
        continue;
      }
      for (CiliumBGPPeerConfig.Family f : pc.families()) {
        if (f.advertisements() == null || f.advertisements().matchLabels().isEmpty() || !f.advertisements().matchExpressions().isEmpty()
            || s.kubernetes().bgpAdvertisements().stream().anyMatch(a -> f.selectsAdvertisement(a.labels()))) {
          continue;
        }
        for (CiliumBGPAdvertisement ad : s.kubernetes().bgpAdvertisements()) {
          if (ad.advertisements().stream().noneMatch(a -> "PodCIDR".equals(a.type())) || !done.add(ad.name())) {
            continue;
          }
          // cilium bgp_peer_types.go CiliumBGPFamilyWithAdverts.Advertisements: a label selector over CiliumBGPAdvertisement objects
          labelEdits(s, ad, f.advertisements().matchLabels(), "so that peer config " + pc.name() + " (" + f.afi() + ") selects it", edits);
        }
      }
    }
    add(out, "advertisement-labels", "Cilium BGP: label the PodCIDR advertisement so the peer config's selector picks it", edits, true,
        "every peer family whose selector picks these labels now advertises the advertisement's routes");
  }

  private static void labelEdits(Snapshot s, CiliumBGPAdvertisement ad, Map<String, String> want, String why, List<Edit> edits) {
    YamlDocument d = ad.doc();
    String[] lines = lines(s, d.file());
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, String> l : want.entrySet()) {
      String path = "metadata.labels." + l.getKey();
      if (l.getValue().equals(ad.labels().get(l.getKey()))) {
        continue;
      }
      if (ad.labels().containsKey(l.getKey()) && d.lines().containsKey(path)) {
        int n = d.lineOf(path);
        edits.add(new KubeYamlEdit(d.file(), n, n, setValue(lines[n - 1], l.getValue()), "label " + ad.name() + " " + why));
      } else {
        added.add(l.getKey() + ": " + l.getValue());
      }
    }
    if (added.isEmpty()) {
      return;
    }
    if (d.lines().containsKey("metadata.labels") && !ad.labels().isEmpty()) {
      int n = d.lineOf("metadata.labels");
      String in = keyIndent(lines[n]);
      edits.add(new KubeYamlEdit(d.file(), n + 1, n, String.join("\n", added.stream().map(a -> in + a).toList()),
          "label " + ad.name() + " " + why));
    } else if (d.lines().containsKey("metadata.name") && !d.lines().containsKey("metadata.labels")) {
      int n = d.lineOf("metadata.name");
      String in = keyIndent(lines[n - 1]);
      edits.add(new KubeYamlEdit(d.file(), n + 1, n, in + "labels:\n" + String.join("\n", added.stream().map(a -> in + "  " + a).toList()),
          "label " + ad.name() + " " + why));
    }
  }

  /** A peer config some cluster config's peer refers to. */
  private static boolean used(Snapshot s, String peerConfig) {
    return s.kubernetes().bgpClusterConfigs().stream().flatMap(c -> c.bgpInstances().stream()).flatMap(i -> i.peers().stream())
        .anyMatch(p -> peerConfig.equals(p.peerConfigRef()));
  }

  /** The last line of the YAML sequence item starting on line {@code start} ("- ..."): up to the next line indented no deeper. */
  static int itemEnd(String[] lines, int start) {
    int dash = lines[start - 1].indexOf('-');
    int end = start;
    for (int n = start + 1; n <= lines.length; n++) {
      String l = lines[n - 1];
      if (l.isBlank() || l.strip().startsWith("#")) {
        continue;
      }
      int ind = l.length() - l.stripLeading().length();
      if (ind <= dash || l.startsWith("---")) {
        break;
      }
      end = n;
    }
    return end;
  }

  /** The column where a mapping's keys start on this line ("  - name: x" -> 4 spaces). */
  static String keyIndent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-')) {
      i++;
    }
    return " ".repeat(i);
  }

  /** The line with its value replaced, comment kept; also for the first key of a sequence item ("- afi: ipv6"). */
  static String setValue(String line, String value) {
    int k = keyIndent(line).length();
    return line.substring(0, k) + Patch.replaceValue(line.substring(k), value);
  }

  private static int indexOf(List<String> names, String name) {
    return names.indexOf(name);
  }

  private static String[] lines(Snapshot s, String file) {
    try {
      return Files.readString(s.root().resolve(file)).split("\n", -1);
    } catch (IOException e) {
      return new String[] {""};
    }
  }

  private static void add(List<FixMove> out, String kind, String label, List<Edit> edits, boolean clusterWide, String tradeOff) {
    if (edits.isEmpty()) {
      return;
    }
    Set<String> files = new TreeSet<>();
    edits.forEach(e -> files.add(((KubeYamlEdit) e).file()));
    out.add(new FixMove(PREFIX + kind, label, edits, files, clusterWide, false, tradeOff));
  }
}
