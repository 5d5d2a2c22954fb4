package dev.podpath.controlplane.bird;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.IncludeResolver;
import dev.podpath.ingest.bird.Policy;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.LargeCommunity;
import dev.podpath.model.routing.Origin;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** BIRD filter semantics (BIRD manual "Filters"; filter/filter.c f_run, filter/f-inst.c). */
class FilterInterpreterTest {

  static BirdRoute bgpRoute(String prefix, long... path) {
    TreeSet<Community> c = new TreeSet<>(List.of(Community.of(65000, 100), Community.of(65000, 200), Community.of(1, 1)));
    BgpAttributes a = new BgpAttributes(Origin.IGP, AsPath.of(path), IpAddr.parse("fd00::1"), null, 50L, 100L, c,
        Set.of(new LargeCommunity(65000, 1, 2)), null, List.of());
    return new BirdRoute("master6", IpPrefix.parse(prefix), "up", BirdRoute.Source.RTS_BGP, 100, BirdRoute.Dest.UNICAST,
        List.of(new BirdRoute.Hop(IpAddr.parse("fd00::1"), "eth0")), a,
        new BirdRoute.Session("up", false, IpAddr.parse("fd00::1"), IpAddr.parse("1.1.1.1"), 65100, false), false, 0L, null, true, "",
        SourceRef.NONE);
  }

  static FilterInterpreter.Verdict run(String filterBody, RouteState st) {
    String conf = "define ASN = 65100;\ndefine PODS = [ fd00:224::/48{64,80} ];\n"
        + "function big(int n) { if n > 10 then return true; return false; }\n"
        + "function deny() { reject; }\n"
        + "filter f {\n" + filterBody + "\n}\nprotocol device {}\n";
    BirdConfig c = BirdConfigParser.parse(conf, "bird.conf", IncludeResolver.none(), BirdVersion.V2_18).config();
    return new FilterInterpreter(c).run(new Policy.Named("f", SourceRef.NONE), st);
  }

  static boolean accepts(String body, BirdRoute r) {
    return run(body, new RouteState(r)).accepted();
  }

  @Test
  void prefixSetsAndConstants() {
    BirdRoute r = bgpRoute("fd00:224:0:3::/80", 65100);
    assertThat(accepts("if net ~ PODS then accept; reject;", r)).isTrue();
    assertThat(accepts("if net ~ [ fd00:224::/48+ ] then accept; reject;", r)).isTrue();
    assertThat(accepts("if net ~ [ fd00:224::/48 ] then accept; reject;", r)).isFalse();
    assertThat(accepts("if net ~ [ fd00:224:0:3::/96- ] then accept; reject;", r)).isTrue();
    assertThat(accepts("if net ~ fd00::/16 && net.len = 80 && net.type = NET_IP6 then accept; reject;", r)).isTrue();
    assertThat(accepts("if net ~ PODS then accept; reject;", bgpRoute("fd00:224:0:3::/96", 65100))).isFalse();
  }

  @Test
  void pathsAndMasks() {
    BirdRoute r = bgpRoute("fd00::/64", 65100, 65200, 65300);
    assertThat(accepts("if bgp_path ~ [= 65100 * =] then accept; reject;", r)).isTrue();
    assertThat(accepts("if bgp_path ~ [= * 65300 =] && bgp_path ~ [= ? 65200 ? =] then accept; reject;", r)).isTrue();
    assertThat(accepts("if bgp_path ~ [= 65200 * =] then accept; reject;", r)).isFalse();
    assertThat(accepts("if bgp_path.first = ASN && bgp_path.last = 65300 && bgp_path.len = 3 then accept; reject;", r)).isTrue();
    assertThat(accepts("if bgp_path ~ [= * [65000..65250] * =] then accept; reject;", r)).isTrue();
    RouteState st = new RouteState(r);
    assertThat(run("bgp_path.prepend(65001); bgp_path.prepend(65001); accept;", st).accepted()).isTrue();
    assertThat(st.path).isEqualTo(AsPath.of(65001, 65001, 65100, 65200, 65300));
  }

  @Test
  void communities() {
    BirdRoute r = bgpRoute("fd00::/64", 65100);
    assertThat(accepts("if (65000, 100) ~ bgp_community then accept; reject;", r)).isTrue();
    assertThat(accepts("if bgp_community ~ [(65000, *)] then accept; reject;", r)).isTrue();
    assertThat(accepts("if bgp_community ~ [(64999, *)] then accept; reject;", r)).isFalse();
    assertThat(accepts("if (65000, 1, 2) ~ bgp_large_community then accept; reject;", r)).isTrue();
    RouteState st = new RouteState(r);
    run("bgp_community.delete([(65000, *)]); bgp_community.add((2, 2)); bgp_large_community.add((1, 2, 3)); accept;", st);
    assertThat(st.communities).containsExactly(Community.of(1, 1), Community.of(2, 2));
    assertThat(st.large).contains(new LargeCommunity(1, 2, 3));
    RouteState f = new RouteState(r);
    run("bgp_community.filter([(65000, 100..150)]); accept;", f);
    assertThat(f.communities).containsExactly(Community.of(65000, 100));
  }

  @Test
  void attributesAssignmentsAndFunctions() {
    BirdRoute r = bgpRoute("fd00::/64", 65100);
    RouteState st = new RouteState(r);
    assertThat(run("if defined(bgp_med) && source = RTS_BGP && proto = \"up\" && from = fd00::1 then { bgp_local_pref = 300; "
        + "bgp_med = bgp_med + 1; preference = 120; krt_metric = 7; bgp_origin = ORIGIN_INCOMPLETE; accept; } reject;", st).accepted()).isTrue();
    assertThat(st.localPref).isEqualTo(300L);
    assertThat(st.med).isEqualTo(51L);
    assertThat(st.preference).isEqualTo(120);
    assertThat(st.krtMetric).isEqualTo(7L);
    assertThat(st.origin).isEqualTo(Origin.INCOMPLETE);
    assertThat(st.assigned).contains("bgp_med", "bgp_local_pref");
    assertThat(accepts("if big(net.len) then accept; reject;", r)).isTrue();
    assertThat(accepts("if big(3) then accept; reject;", r)).isFalse();
    // accept/reject inside a function ends the whole filter (FI_DIE)
    assertThat(accepts("deny(); accept;", r)).isFalse();
    assertThat(accepts("int x; x = 3; case x { 1: reject; 2..4: accept; else: reject; }", r)).isTrue();
    RouteState d = new RouteState(r);
    run("dest = RTD_BLACKHOLE; accept;", d);
    assertThat(d.dest).isEqualTo(BirdRoute.Dest.BLACKHOLE);
  }

  @Test
  void noDecisionAndRuntimeErrorsReject() {
    BirdRoute r = bgpRoute("fd00::/64", 65100);
    FilterInterpreter.Verdict none = run("bgp_med = 1;", new RouteState(r));
    assertThat(none.accepted()).isFalse();
    assertThat(none.why()).contains("Make up your mind");
    // an undefined attribute used as a number is a runtime error: the route is rejected
    BirdRoute noMed = new BirdRoute("master6", IpPrefix.parse("fd00::/64"), "static1", BirdRoute.Source.RTS_STATIC, 200,
        BirdRoute.Dest.UNICAST, List.of(), null, null, false, null, null, true, "", SourceRef.NONE);
    FilterInterpreter.Verdict err = run("if bgp_med > 5 then accept; accept;", new RouteState(noMed));
    assertThat(err.accepted()).isFalse();
    assertThat(err.why()).contains("runtime error");
  }

  @Test
  void unknownStatementsMakeTheVerdictUncertain() {
    FilterInterpreter.Verdict v = run("for int i in [1, 2] do bgp_med = i;\naccept;", new RouteState(bgpRoute("fd00::/64", 65100)));
    assertThat(v.accepted()).isTrue();
    assertThat(v.uncertain()).isTrue();
  }
}
