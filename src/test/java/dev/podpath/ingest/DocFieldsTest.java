package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.InputProblem;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocFieldsTest {

  final List<InputProblem> problems = new ArrayList<>();
  final DocFields f = new DocFields(YamlReader.read("""
      metadata:
        labels:
          kubernetes.io/service-name: dns
          "a[b]": x
      sysctl:
        net.ipv4.ip_forward: 1
      list:
        - {name: a, port: 53}
        - name: b
          port: "53"
      big: 99999999999999999999
      """, "f.yaml").get(0), problems);

  @Test
  void pathsWithDotsAndBracketsInKeysFindTheirLines() {
    String svc = DocFields.path("metadata.labels", "x");
    assertThat(svc).isEqualTo("metadata.labels.x");
    String label = DocFields.child("metadata.labels", "kubernetes.io/service-name");
    assertThat(f.string(label)).isEqualTo("dns");
    assertThat(f.ref(label).line()).isEqualTo(3);
    assertThat(f.string(DocFields.child("metadata.labels", "a[b]"))).isEqualTo("x");
    assertThat(f.ref(DocFields.child("metadata.labels", "a[b]")).line()).isEqualTo(4);
    assertThat(f.string(DocFields.child("sysctl", "net.ipv4.ip_forward"))).isEqualTo("1");
    assertThat(f.stringMap("metadata.labels")).containsEntry("kubernetes.io/service-name", "dns");
    assertThat(problems).isEmpty();
  }

  @Test
  void typedReadsRecordProblemsAndReturnNull() {
    assertThat(f.integer("list[0].port", 1, 65535)).isEqualTo(53L);
    assertThat(f.integer("list[1].port", 1, 65535)).isNull();
    assertThat(f.integer("big", 0, Long.MAX_VALUE)).isNull();
    assertThat(f.bool("list[0].name")).isNull();
    assertThat(f.string("list")).isNull();
    assertThat(f.list("metadata")).isEmpty();
    assertThat(problems).extracting(InputProblem::toString).containsExactly(
        "f.yaml:10: 'list[1].port' must be an integer, got text '53'",
        "f.yaml:11: 'big' is out of range (0..9223372036854775807): 99999999999999999999",
        "f.yaml:8: 'list[0].name' must be true or false, got text 'a'",
        "f.yaml:7: 'list' must be a single value, not a list",
        "f.yaml:1: 'metadata' must be a list, got a mapping");
  }

  @Test
  void onlyAddressFormsGoAccepts() {
    DocFields g = new DocFields(YamlReader.read("""
        a: "10"
        b: 010.0.0.1
        c: 10.0.20/24
        d: fe80::1%eth0
        e: 10.0.0.1
        f: fd00::1/64
        """, "g.yaml").get(0), problems);
    assertThat(g.ip("a")).isNull();
    assertThat(g.ip("b")).isNull();
    assertThat(g.prefix("c")).isNull();
    assertThat(g.ip("d")).isNull();
    assertThat(g.ip("e")).hasToString("10.0.0.1");
    assertThat(g.ifAddress("f")).hasToString("fd00::1/64");
    assertThat(problems).extracting(InputProblem::toString).containsExactly(
        "g.yaml:1: 'a': invalid IP address: '10' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "g.yaml:2: 'b': invalid IP address: '010.0.0.1' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "g.yaml:3: 'c': invalid CIDR: '10.0.20/24' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "g.yaml:4: 'd': invalid IP address: 'fe80::1%eth0': an address with a %zone is not accepted here");
  }
}
