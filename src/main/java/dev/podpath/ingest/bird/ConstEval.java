package dev.podpath.ingest.bird;

import static dev.podpath.ingest.bird.ParseContext.ref;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.bird.BirdParser.Const_intContext;
import java.util.Map;

/** Evaluates the integer constants of protocol options (`local as NODE_AS`, `multihop (1+1)`). */
final class ConstEval {

  private final ParseContext pc;
  private final Map<String, BirdConfig.Definition> definitions;

  ConstEval(ParseContext pc, Map<String, BirdConfig.Definition> definitions) {
    this.pc = pc;
    this.definitions = definitions;
  }

  long integer(Const_intContext c) {
    SourceRef w = ref(c);
    if (c.DEC() != null) {
      return Long.parseLong(c.DEC().getText());
    }
    if (c.HEXNUM() != null) {
      return Long.parseLong(c.HEXNUM().getText().substring(2), 16);
    }
    if (c.name() != null) {
      String n = FilterBuilder.name(c.name());
      BirdConfig.Definition d = definitions.get(n);
      if (d == null) {
        pc.configError(w, "unknown symbol " + n + " (BIRD: syntax error, unexpected CF_SYM_UNDEFINED)");
        return 0;
      }
      Long v = value(d.value(), 0);
      if (v == null) {
        pc.configError(w, "constant " + n + " is not a number");
        return 0;
      }
      return v;
    }
    // (expr): only constant arithmetic is supported here
    return 0;
  }

  /** The integer value of a constant expression, or null. */
  Long value(Expr e, int depth) {
    if (depth > 16) {
      return null;
    }
    if (e instanceof Expr.IntLit i) {
      return i.value();
    }
    if (e instanceof Expr.Ref r && r.kind() == Expr.RefKind.CONSTANT && definitions.containsKey(r.name())) {
      return value(definitions.get(r.name()).value(), depth + 1);
    }
    if (e instanceof Expr.Binary b) {
      Long l = value(b.left(), depth + 1);
      Long r = value(b.right(), depth + 1);
      if (l == null || r == null) {
        return null;
      }
      return switch (b.op()) {
        case "+" -> l + r;
        case "-" -> l - r;
        case "*" -> l * r;
        case "/" -> r == 0 ? null : l / r;
        default -> null;
      };
    }
    return null;
  }
}
