package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates JSON documents against Clair's own JSON schemas ({@code api/schemas} in the shared
 * fixtures, draft 2020-12), whose {@code $id}s under {@value #ID_PREFIX} are mapped to the local
 * files: nothing is fetched.
 */
public final class ClairSchemas {
  /** The prefix of every Clair schema {@code $id}. */
  public static final String ID_PREFIX = "https://clairproject.org/api/http/v1/";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12, b -> b.schemas(ClairSchemas::local));

  private ClairSchemas() {}

  /**
   * Asserts that {@code json} is valid against the schema {@code name}, e.g. {@code index_report}.
   */
  public static void assertValid(String name, String json) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + name + ".schema.json"));
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    assertThat(errors).as("%s violations in %s", name, abbreviated(json)).isEmpty();
  }

  private static String local(String iri) {
    if (!iri.startsWith(ID_PREFIX)) {
      return null;
    }
    Path file = Fixtures.fixture("api/schemas").resolve(iri.substring(ID_PREFIX.length()));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviated(String json) {
    return json.length() > 2000 ? json.substring(0, 2000) + "…" : json;
  }
}
