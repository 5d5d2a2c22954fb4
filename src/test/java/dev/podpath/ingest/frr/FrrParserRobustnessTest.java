package dev.podpath.ingest.frr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input gives a stack trace: every line is understood or a warning with its line number. */
class FrrParserRobustnessTest {

  private static final String[] WORDS = {
    "router", "bgp", "65000", "vrf", "neighbor", "10.0.0.1", "fd00::1", "remote-as", "peer-group", "PG",
    "address-family", "ipv4", "ipv6", "unicast", "exit", "exit-address-family", "route-map", "RM", "permit",
    "deny", "10", "match", "set", "ip", "prefix-list", "PL", "seq", "5", "le", "ge", "24", "0.0.0.0/0",
    "network", "redistribute", "connected", "activate", "interface", "eth0", "!", "end", "frr", "version",
    "defaults", "datacenter", "l2vpn", "evpn", "listen", "range", "10.0.0.0/8", "route", "null0", "{", "%", "\t"
  };

  @Provide
  Arbitrary<String> configs() {
    Arbitrary<String> line = Arbitraries.of(WORDS).list().ofMaxSize(8).map(l -> String.join(" ", l));
    return line.list().ofMaxSize(30).map(l -> String.join("\n", l));
  }

  @Property(tries = 300)
  void neverThrowsAndEveryWarningHasALine(@ForAll("configs") String text) {
    FrrParseResult r = FrrConfigParser.parse(text, "f", FrrVersion.DEBIAN_BOOKWORM);
    assertThat(r.status()).isNotNull();
    assertThat(r.warnings()).allSatisfy(w -> assertThat(w.where().line()).isPositive());
  }

  @Property(tries = 200)
  void arbitraryTextNeverThrows(@ForAll String text) {
    if (text.indexOf('\0') >= 0) {
      return;
    }
    assertThat(FrrConfigParser.parse(text, "f", FrrVersion.DEBIAN_BOOKWORM).status()).isNotNull();
  }
}
