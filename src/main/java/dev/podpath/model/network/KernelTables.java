package dev.podpath.model.network;

/**
 * Names of Linux routing tables as podpath writes them in {@code KernelRoute.table}. A VRF's
 * table is named after the VRF (host.yaml gives no table id): kernel Documentation/networking/vrf.rst,
 * "local and connected routes for enslaved devices are automatically moved to the table
 * associated with VRF device".
 */
public final class KernelTables {

  public static final String MAIN = "main";
  public static final String LOCAL = "local";

  private KernelTables() {}

  /** The table connected and other routes of a VRF go to (main for the default VRF). */
  public static String forVrf(String vrf) {
    return vrf == null ? MAIN : vrf;
  }

  /** The table local (own address) routes of a VRF go to. */
  public static String localForVrf(String vrf) {
    return vrf == null ? LOCAL : vrf;
  }
}
