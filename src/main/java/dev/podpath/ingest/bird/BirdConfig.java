package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed bird.conf (with its includes), faithful to the syntax: the vendor model. Maps keep
 * declaration order.
 *
 * @param file the snapshot-relative path of the main file
 * @param routerId `router id IP`, or null (BIRD then takes the lowest IPv4 address)
 * @param routerIdFrom `router id from "iface"` patterns as written, or empty
 * @param templates `template` blocks by name (already merged with their own `from`)
 * @param protocols `protocol` blocks in order
 * @param version the BIRD version whose rules the parser applied
 */
public record BirdConfig(
    String file,
    IpAddr routerId,
    List<InterfacePattern> routerIdFrom,
    SourceRef routerIdWhere,
    Map<String, Definition> definitions,
    Map<String, FilterDef> filters,
    Map<String, FunctionDef> functions,
    List<TableDef> tables,
    Map<String, Protocol> templates,
    List<Protocol> protocols,
    BirdVersion version) {

  public BirdConfig {
    routerIdFrom = List.copyOf(routerIdFrom);
    definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
    filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
    functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
    tables = List.copyOf(tables);
    templates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(templates));
    protocols = List.copyOf(protocols);
  }

  public Optional<Protocol> protocol(String name) {
    return protocols.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public <T extends Protocol> List<T> protocols(Class<T> type) {
    return protocols.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** `define NAME = value;` (the value as an expression, usually a literal). */
  public record Definition(String name, Expr value, SourceRef where) {}

  /** `filter NAME { ... }`. */
  public record FilterDef(String name, List<Stmt> body, SourceRef where) {
    public FilterDef {
      body = List.copyOf(body);
    }
  }

  /** `function NAME(type a; type b) { ... }`. */
  public record FunctionDef(String name, List<String> params, List<Stmt> body, SourceRef where) {
    public FunctionDef {
      params = List.copyOf(params);
      body = List.copyOf(body);
    }
  }

  /** `ipv4 table NAME;` / `ipv6 table NAME;`. */
  public record TableDef(String nettype, String name, SourceRef where) {}
}
