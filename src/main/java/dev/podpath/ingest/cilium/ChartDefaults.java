package dev.podpath.ingest.cilium;

import java.util.Map;

/**
 * What {@code .Values.x} is in the chart's templates when the operator did not write x: the chart's
 * values.yaml default. Only the keys the chart's {@code fail} conditions read are listed.
 */
public final class ChartDefaults {

  private static final Map<String, Object> COMMON = Map.of(
      "ipv4.enabled", true,
      "ipv6.enabled", false,
      "enableIPv6Masquerade", true,
      "ipMasqAgent.enabled", false,
      "routingMode", "",
      "ipam.mode", "cluster-pool");

  private ChartDefaults() {}

  /** The written value when present (Helm merges user values over values.yaml), else the default. */
  public static Object value(HelmValues values, String path, CiliumVersion version) {
    if (values.has(path)) {
      return values.get(path);
    }
    if (path.equals("enableIPv4Masquerade")) {
      // values.yaml: "true" up to 1.17; from 1.18 null (the template then defaults to "true",
      // "false" with ENI), so `if .Values.enableIPv4Masquerade` is false when unset.
      // UNCONFIRMED against the exact v1.16/v1.17/v1.18 values.yaml (docs/fidelity/cilium.md).
      return version.atLeast(CiliumVersion.V1_18) ? null : Boolean.TRUE;
    }
    return COMMON.get(path);
  }

  /** Go template truthiness of {@link #value}. */
  public static boolean truthy(HelmValues values, String path, CiliumVersion version) {
    return HelmValues.truthy(value(values, path, version));
  }
}
