package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * An expression of BIRD's filter language, as written (no evaluation here). Symbols are resolved
 * by the builder into route attributes, variables, constants and enum values, so an evaluator
 * never needs the grammar. Source: BIRD 2.0 manual "Filters", CZ-NIC/bird v2.0.12 filter/config.Y.
 */
public sealed interface Expr {

  /** An integer (BIRD `int`, 32-bit unsigned in practice). */
  record IntLit(long value) implements Expr {}

  record BoolLit(boolean value) implements Expr {}

  record StringLit(String value) implements Expr {}

  record IpLit(IpAddr value) implements Expr {}

  record PrefixLit(IpPrefix value) implements Expr {}

  /** A pair `(a,b)`: a standard community or an AS pair. */
  record PairLit(Expr high, Expr low) implements Expr {}

  /** A large community `(a,b,c)`. */
  record LcLit(Expr global, Expr local1, Expr local2) implements Expr {}

  /** `[ ... ]`: a prefix set, an int set, a pair set, or a mix BIRD would reject. */
  record SetLit(List<SetItem> items) implements Expr {
    public SetLit {
      items = List.copyOf(items);
    }
  }

  /** `[= 65000 * ? 1..5 =]`: an AS path mask. */
  record PathMaskLit(List<PathMaskItem> items) implements Expr {
    public PathMaskLit {
      items = List.copyOf(items);
    }
  }

  /** `-empty-`, `--empty--`, `---empty---`, `+empty+`. */
  record EmptyLit(String kind) implements Expr {}

  /** A symbol: route attribute, variable, parameter, `define` constant or enum value. */
  record Ref(String name, RefKind kind) implements Expr {}

  /** `!e`, `-e`. */
  record Unary(String op, Expr operand) implements Expr {}

  /** `a op b` with op one of {@code + - * / = != < > <= >= ~ !~ && ||}. */
  record Binary(String op, Expr left, Expr right) implements Expr {}

  /** `e.member` or `e.member(args)`: `net.len`, `bgp_path.first`, `net.mask(24)`. */
  record Member(Expr target, String member, List<Expr> args) implements Expr {
    public Member {
      args = List.copyOf(args);
    }
  }

  /** A call: a user function, `defined(x)`, `prepend(p, n)`, `add(c, x)`, `delete`, `filter`. */
  record Call(String function, List<Expr> args, SourceRef where) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Something podpath could not parse; evaluating it makes a verdict uncertain. */
  record Unknown(String text, SourceRef where) implements Expr {}

  enum RefKind {
    ATTRIBUTE,
    VARIABLE,
    CONSTANT,
    ENUM,
    UNKNOWN
  }

  /** One entry of a `[...]` set. */
  sealed interface SetItem {}

  /** `p/len`, `p/len+`, `p/len-`, `p/len{lo,hi}` as the closed range {@code lo..hi}. */
  record PrefixPattern(IpPrefix prefix, int low, int high) implements SetItem {
    /** BIRD prefix-set match: the first `prefix.length` bits equal and lo <= len <= hi. */
    public boolean matches(IpPrefix net) {
      if (net.v6() != prefix.v6() || net.length() < low || net.length() > high) {
        return false;
      }
      int m = Math.min(net.length(), prefix.length());
      return net.network().mask(m).equals(prefix.network().mask(m));
    }
  }

  /** A value or range `a..b` of a set of ints, IPs or pairs; {@code null} parts mean `*`. */
  record ValueItem(Expr from, Expr to) implements SetItem {}

  /** `(a,b)` or `(a,b,c)` in a set, each part a value, `*`, or a range. */
  record PairItem(List<ValueItem> parts) implements SetItem {
    public PairItem {
      parts = List.copyOf(parts);
    }
  }

  /** One element of a path mask. */
  sealed interface PathMaskItem {}

  record AsnItem(Expr asn) implements PathMaskItem {}

  record AsnRangeItem(long from, long to) implements PathMaskItem {}

  /** `*`: any number of ASNs. */
  record AnyPath() implements PathMaskItem {}

  /** `?`: exactly one ASN. */
  record AnyOne() implements PathMaskItem {}

  record AsnSetItem(List<SetItem> set) implements PathMaskItem {
    public AsnSetItem {
      set = List.copyOf(set);
    }
  }
}
