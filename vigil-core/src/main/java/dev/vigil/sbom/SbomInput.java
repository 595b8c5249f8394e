package dev.vigil.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.spi.ScanException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code sbom:FILE} input: a CycloneDX (1.4–1.6) or SPDX (2.3) JSON document, written by Vigil
 * or another tool, read as an index report so that its packages are matched as if the image had
 * been indexed. Packages are identified by their package URLs (see {@link
 * dev.vigil.purl.PackageUrls}); components of other types (npm, maven…) are skipped with a warning.
 *
 * <p>The report's manifest digest is the subject image's SHA-256 when the document records it
 * (Vigil's own outputs do), else the sha256 of the document's bytes.
 */
public final class SbomInput {

  /** The prefix that names an SBOM input. */
  public static final String PREFIX = "sbom:";

  /** Documents larger than this are refused. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private SbomInput() {}

  /** True when {@code input} names an SBOM ({@code sbom:FILE}). */
  public static boolean handles(String input) {
    return input.startsWith(PREFIX);
  }

  /**
   * Reads the document that {@code input} names.
   *
   * @throws ScanException when the file is missing, too large, not JSON, or not a supported SBOM
   * @throws IOException when reading fails
   */
  public static Sbom read(String input) throws IOException {
    Path file = Path.of(input.substring(PREFIX.length()));
    if (!Files.isRegularFile(file)) {
      throw new ScanException("sbom: no such file: " + file);
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new ScanException("sbom: " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    byte[] bytes = Files.readAllBytes(file);
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JsonProcessingException | CharConversionException e) {
      throw new ScanException("sbom: " + file + ": not JSON: " + Json.failure(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new ScanException("sbom: " + file + ": not a JSON object");
    }
    SbomContents contents;
    if (CycloneDxReader.recognizes(root)) {
      contents = CycloneDxReader.read(root);
    } else if (SpdxReader.recognizes(root)) {
      contents = SpdxReader.read(root);
    } else {
      throw new ScanException("sbom: " + file + " is neither a CycloneDX nor an SPDX document");
    }
    Digest manifest =
        contents.manifestHash() != null ? contents.manifestHash() : Digest.sha256(bytes);
    String name = contents.name().isEmpty() ? file.getFileName().toString() : contents.name();
    return SbomIndex.build(name, contents, manifest);
  }
}
