package dev.podpath.ingest;

/** Facts about the siderolabs bird2 system extension that decide which embedded file is the config. */
final class TalosBird {

  /** siderolabs/extensions network/bird2: built with --prefix=/usr/local, run as `bird -f` (routing-facts §5.1). */
  static final String CONFIG_PATH = "/usr/local/etc/bird.conf";

  private TalosBird() {}
}
