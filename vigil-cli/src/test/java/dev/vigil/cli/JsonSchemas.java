package dev.vigil.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates documents against the published JSON schemas in {@code ../shared/fixtures/schemas} with
 * the networknt validator (the one cyclonedx-core-java uses).
 */
final class JsonSchemas {
  private JsonSchemas() {}

  /** SARIF 2.1.0 (a draft-04 schema): the validation errors of {@code file}. */
  static List<String> sarifErrors(Path file) throws IOException {
    return errors("schemas/sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, file);
  }

  /** SPDX 2.3 (a 2019-09 schema): the validation errors of {@code file}. */
  static List<String> spdxErrors(Path file) throws IOException {
    return errors("schemas/spdx-2.3-schema.json", SpecificationVersion.DRAFT_2019_09, file);
  }

  private static List<String> errors(String schema, SpecificationVersion version, Path file)
      throws IOException {
    Schema compiled;
    try (InputStream in = Files.newInputStream(Fixtures.fixture(schema))) {
      compiled = SchemaRegistry.withDefaultDialect(version).getSchema(in);
    }
    return compiled.validate(Files.readString(file), InputFormat.JSON).stream()
        .map(Error::toString)
        .toList();
  }
}
