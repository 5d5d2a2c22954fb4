package dev.podpath.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"podpath " + (v == null ? "dev" : v)};
  }
}
