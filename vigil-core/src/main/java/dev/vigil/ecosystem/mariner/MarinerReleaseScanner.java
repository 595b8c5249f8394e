package dev.vigil.ecosystem.mariner;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes CBL-Mariner (1.0, 2.0) and its successor Azure Linux (3.0) from os-release: {@code ID}
 * {@code mariner} or {@code azurelinux}.
 */
public final class MarinerReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of CBL-Mariner. */
  public static final String MARINER = "mariner";

  /** The os-release {@code ID} of Azure Linux. */
  public static final String AZURE_LINUX = "azurelinux";

  /** The scanner. */
  public MarinerReleaseScanner() {
    super("mariner", ids(MARINER, AZURE_LINUX), List.of(), List.of(), List.of());
  }
}
