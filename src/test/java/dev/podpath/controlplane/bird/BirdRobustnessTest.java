package dev.podpath.controlplane.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.InputException;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.IncludeResolver;
import dev.podpath.ingest.bird.ParseStatus;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input gives a stack trace: the parser and the daemon survive token soup and mutated configs. */
class BirdRobustnessTest {

  static final String BASE = BirdFoundingCaseTest.SOLWK01 + """
      protocol static { ipv6; route fd00:5::/64 via fd00:101::99; route fd00:6::/64 recursive fd00:101::99; }
      function f(int a) { if a > 1 then return a; return 0; }
      filter g { case net.len { 64: accept; else: reject; } }
      """;

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> tok = Arbitraries.of("protocol", "bgp", "kernel", "static", "filter", "function", "ipv6", "ipv4", "{", "}", ";",
        "(", ")", "[", "]", "=", "~", "if", "then", "else", "accept", "reject", "net", "::1", "10.0.0.0/8", "fd00::/8+", "as", "local",
        "neighbor", "65000", "import", "export", "all", "none", "where", "include", "\"x.conf\"", "/*", "*/", "#", "\n", "'", "\"",
        "-empty-", "[=", "=]", "*", "?", "..", "template", "from", "define", "X", "case", ":", "$", "&");
    return tok.list().ofMaxSize(60).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mutated() {
    return Arbitraries.integers().between(0, BASE.length() - 1).list().ofMinSize(1).ofMaxSize(6)
        .flatMap(cuts -> Arbitraries.of("", ";", "}", "{", "x", "::", "/", "\"").list().ofSize(cuts.size()).map(ins -> {
          StringBuilder sb = new StringBuilder(BASE);
          for (int i = 0; i < cuts.size(); i++) {
            int at = Math.min(cuts.get(i), sb.length() - 1);
            sb.replace(at, at + 1, ins.get(i));
          }
          return sb.toString();
        }));
  }

  @Property(tries = 150)
  void parserNeverThrowsOnTokenSoup(@ForAll("soup") String text) {
    check(text);
  }

  @Property(tries = 150)
  void parserAndDaemonSurviveMutations(@ForAll("mutated") String text) {
    BirdParseResult r = check(text);
    BirdDaemon d = new BirdDaemon("n1", r, BirdFoundingCaseTest.HOST);
    d.neighbors();
    SessionContext cil = TestHost.session("cilium", "::1", "::1", 4210101021L, 4220101000L, null);
    d.open(List.of(cil));
    d.receive(cil, AddressFamily.IPV6_UNICAST, List.of(TestHost.route("fd00:101:224:0:3::/80", "::1", 4220101000L)));
    d.settle();
    assertThat(d.rib()).isNotNull();
    assertThat(d.findings()).isNotNull();
  }

  private static BirdParseResult check(String text) {
    BirdParseResult r = BirdConfigParser.parse(text, "bird.conf", IncludeResolver.none(), BirdVersion.V2_18);
    assertThat(r.status()).isNotNull();
    r.warnings().forEach(w -> assertThat(w.where().file()).isEqualTo("bird.conf"));
    if (r.status() == ParseStatus.FAILED) {
      assertThatThrownBy(r::orThrow).isInstanceOf(InputException.class);
    }
    return r;
  }
}
