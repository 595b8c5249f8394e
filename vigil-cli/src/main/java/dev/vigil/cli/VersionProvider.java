package dev.vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version stamped into the jar's manifest. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VigilCli.class.getPackage().getImplementationVersion();
    return new String[] {"vigil " + (version == null ? "development build" : version)};
  }

  /** The version stamped into the jar, or {@code dev} outside a jar: what reports name. */
  static String version() {
    String version = VigilCli.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
