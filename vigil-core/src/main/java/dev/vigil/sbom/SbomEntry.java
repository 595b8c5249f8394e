package dev.vigil.sbom;

import dev.vigil.model.Digest;

/**
 * One component of a document that names a package URL.
 *
 * @param purl the package URL as written
 * @param sourceName the source package the document names outside the purl (Trivy's {@code
 *     SrcName}, an SPDX {@code sourceInfo}), or empty
 * @param layer the layer that introduced the package, or null
 * @param packageDb the package database it was read from, or empty
 */
record SbomEntry(String purl, String sourceName, Digest layer, String packageDb) {}
