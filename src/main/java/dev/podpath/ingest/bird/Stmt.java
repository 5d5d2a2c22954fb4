package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * A command of BIRD's filter language. Every statement keeps its line so that an explanation
 * can say which line accepted or rejected a route. Source: BIRD 2.0 manual "Filters" (control
 * structures, other statements); CZ-NIC/bird v2.0.12 filter/config.Y rule `cmd`.
 */
public sealed interface Stmt {

  SourceRef where();

  record If(Expr condition, Stmt then, Stmt otherwise, SourceRef where) implements Stmt {}

  record Block(List<Stmt> body, SourceRef where) implements Stmt {
    public Block {
      body = List.copyOf(body);
    }
  }

  record Accept(SourceRef where) implements Stmt {}

  record Reject(SourceRef where) implements Stmt {}

  record Return(Expr value, SourceRef where) implements Stmt {}

  /** `attr = value;` or `var = value;`. */
  record Assign(Expr.Ref target, Expr value, SourceRef where) implements Stmt {}

  /** `bgp_path.prepend(n);`, `bgp_community.add(x);` `.delete(x)`, `.filter(x)`, `.empty`. */
  record Modify(Expr.Ref target, String method, Expr argument, SourceRef where) implements Stmt {}

  record Unset(Expr.Ref target, SourceRef where) implements Stmt {}

  /** A call for its side effects (a function that may accept or reject). */
  record CallStmt(Expr.Call call, SourceRef where) implements Stmt {}

  /** `int x = 5;` (the initial value may be null). */
  record VarDecl(String type, String name, Expr init, SourceRef where) implements Stmt {}

  record Case(Expr subject, List<CaseArm> arms, SourceRef where) implements Stmt {
    public Case {
      arms = List.copyOf(arms);
    }
  }

  /** One arm of a case; an empty label list is `else:`. */
  record CaseArm(List<Expr.ValueItem> labels, List<Stmt> body) {
    public CaseArm {
      labels = List.copyOf(labels);
      body = List.copyOf(body);
    }
  }

  /** `print`/`printn`: parsed, no effect on routes. */
  record Print(SourceRef where) implements Stmt {}

  /** A statement podpath could not parse (warned about); its effect on a route is unknown. */
  record Unknown(String text, SourceRef where) implements Stmt {}
}
