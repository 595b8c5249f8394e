package dev.vigil.cli.output;

import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.sbom.SbomProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * CycloneDX 1.6 JSON: the image as the subject (its manifest digest as SHA-256 hash), its
 * distribution as an {@code operating-system} component, every package as a library identified by
 * its package URL (with the layer that introduced it), and the findings as vulnerabilities with
 * affects and ratings (see {@link CycloneDxVulnerabilities}). Scanned again with {@code sbom:}, it
 * gives the same findings.
 */
final class CycloneDxWriter implements ReportWriter {

  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
    bom.setVersion(1);
    bom.setMetadata(metadata(result));
    Map<String, String> refs = new LinkedHashMap<>();
    List<Component> components = new ArrayList<>();
    result.report().distributions().values().forEach(d -> components.add(operatingSystem(d)));
    result.report().packages().forEach((id, pkg) -> components.add(library(id, pkg, result, refs)));
    bom.setComponents(components);
    bom.setVulnerabilities(
        new CycloneDxVulnerabilities(refs).of(result.shown(), result.suppressed()));
    try {
      String json = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
      out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (GeneratorException e) {
      throw new IOException("cyclonedx: " + e.getMessage(), e);
    }
  }

  private static Metadata metadata(ScanResult result) {
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(result.time()));
    Component vigil = new Component();
    vigil.setType(Component.Type.APPLICATION);
    vigil.setName("vigil");
    vigil.setVersion(result.toolVersion());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(vigil));
    metadata.setToolChoice(tools);
    Component image = new Component();
    image.setType(Component.Type.CONTAINER);
    image.setBomRef("image");
    image.setName(result.name());
    Hash digest = new Hash(Hash.Algorithm.SHA_256, result.report().manifestHash().hex());
    image.setHashes(List.of(digest));
    metadata.setComponent(image);
    return metadata;
  }

  private static Component operatingSystem(Distribution distribution) {
    Component os = new Component();
    os.setType(Component.Type.OPERATING_SYSTEM);
    os.setBomRef("os-" + distribution.id());
    os.setName(distribution.did());
    String release =
        distribution.versionId() == null || distribution.versionId().isEmpty()
            ? distribution.versionCodeName()
            : distribution.versionId();
    os.setVersion(release);
    os.setDescription(distribution.prettyName());
    return os;
  }

  private static Component library(
      String id, Package pkg, ScanResult result, Map<String, String> refs) {
    Environment env = result.environment(id);
    String purl = result.purl(id);
    String ref = refs.containsValue(purl) ? purl + "#" + id : purl;
    refs.put(id, ref);
    Component library = new Component();
    library.setType(Component.Type.LIBRARY);
    library.setBomRef(ref);
    library.setName(pkg.name());
    library.setVersion(pkg.version());
    library.setPurl(purl);
    List<Property> properties = new ArrayList<>();
    if (env != null && env.introducedIn() != null) {
      properties.add(new Property(SbomProperties.LAYER, env.introducedIn().toString()));
    }
    if (env != null && env.packageDb() != null && !env.packageDb().isEmpty()) {
      properties.add(new Property(SbomProperties.PACKAGE_DB, env.packageDb()));
    }
    if (!properties.isEmpty()) {
      library.setProperties(properties);
    }
    return library;
  }
}
