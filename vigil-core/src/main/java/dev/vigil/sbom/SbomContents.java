package dev.vigil.sbom;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import java.util.List;

/**
 * What a reader found in a document, before packages are resolved.
 *
 * @param name the subject's name, or empty
 * @param manifestHash the digest of the subject image when the document records it, else null
 * @param entries the components that carry a package URL
 * @param operatingSystems the operating systems the document describes
 */
record SbomContents(
    String name,
    Digest manifestHash,
    List<SbomEntry> entries,
    List<Distribution> operatingSystems) {}
