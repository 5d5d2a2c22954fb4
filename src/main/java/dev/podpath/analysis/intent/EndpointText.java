package dev.podpath.analysis.intent;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;

/**
 * The one-line form of an endpoint, shared by intents.yaml and the command line
 * ({@code --from pod:kube-system/coredns-0 --to svc:default/kubernetes:443}):
 * {@code pod:[NS/]NAME}, {@code svc:[NS/]NAME[:PORT]} (also {@code lb:}, {@code nodeport:},
 * {@code externalip:} for the other address types), {@code node:NAME}, {@code router:HOST},
 * {@code address:IP}. A namespace left out is {@code default}.
 */
public final class EndpointText {

  public static final String FORMS =
      "pod:[NS/]NAME, svc:[NS/]NAME[:PORT], lb:[NS/]NAME[:PORT], nodeport:[NS/]NAME[:PORT], "
          + "externalip:[NS/]NAME[:PORT], node:NAME, router:HOST, address:IP";

  private EndpointText() {}

  /** Parses the one-line form; a malformed text is an InputException at {@code where}. */
  public static Endpoint parse(String text, SourceRef where) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw bad(text, where);
    }
    String kind = text.substring(0, colon).strip();
    String rest = text.substring(colon + 1).strip();
    switch (kind) {
      case "pod" -> {
        String[] nsName = nsName(rest, text, where);
        return new Endpoint.PodSelector(nsName[0], nsName[1], null, null, where);
      }
      case "svc", "service", "lb", "nodeport", "externalip" -> {
        AddressType type = switch (kind) {
          case "lb" -> AddressType.LOAD_BALANCER;
          case "nodeport" -> AddressType.NODE_PORT;
          case "externalip" -> AddressType.EXTERNAL_IP;
          default -> AddressType.CLUSTER_IP;
        };
        String port = null;
        int pc = rest.lastIndexOf(':');
        if (pc >= 0) {
          port = rest.substring(pc + 1).strip();
          rest = rest.substring(0, pc);
          if (port.isEmpty()) {
            throw bad(text, where);
          }
        }
        String[] nsName = nsName(rest, text, where);
        return new Endpoint.ServiceSelector(nsName[0], nsName[1], port, type, where);
      }
      case "node" -> {
        return new Endpoint.NodeSelector(plain(rest, text, where), null, null, where);
      }
      case "router" -> {
        return new Endpoint.RouterRef(plain(rest, text, where), where);
      }
      case "address", "ip" -> {
        try {
          return new Endpoint.AddressRef(IpAddr.parse(rest), null, null, where);
        } catch (IllegalArgumentException e) {
          throw new InputException(where, "'" + text + "': " + e.getMessage());
        }
      }
      default -> throw bad(text, where);
    }
  }

  private static String[] nsName(String s, String text, SourceRef where) {
    int slash = s.indexOf('/');
    String ns = slash < 0 ? "default" : s.substring(0, slash).strip();
    String name = slash < 0 ? s : s.substring(slash + 1).strip();
    if (ns.isEmpty() || name.isEmpty() || name.contains("/")) {
      throw bad(text, where);
    }
    return new String[] {ns, name};
  }

  private static String plain(String s, String text, SourceRef where) {
    if (s.isEmpty() || s.contains("/") || s.contains(" ")) {
      throw bad(text, where);
    }
    return s;
  }

  private static InputException bad(String text, SourceRef where) {
    return new InputException(where, "'" + text + "' is not an endpoint; write one of " + FORMS);
  }
}
