package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/compose/docker-compose.yaml} against the Compose Specification's JSON schema
 * ({@code ../shared/fixtures/schemas/compose-spec.json}), and the configuration its environment
 * gives Vigil.
 */
class ComposeFileTest {
  /**
   * The Compose Specification's schema, a draft-07 one, loaded from its file URI (its {@code $id}
   * is relative and resolves against it).
   */
  private static Schema composeSchema() throws IOException {
    Path file = Fixtures.fixture("schemas/compose-spec.json");
    try (InputStream in = Files.newInputStream(file)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(SchemaLocation.of(file.toUri().toString()), in, InputFormat.JSON);
    }
  }

  @Test
  void validatesAgainstTheComposeSpecification() throws IOException {
    JsonNode compose =
        new YAMLMapper().readTree(DeployFiles.path("compose/docker-compose.yaml").toFile());
    Schema schema = composeSchema();

    List<String> errors =
        schema.validate(compose.toString(), InputFormat.JSON).stream()
            .map(Error::toString)
            .toList();

    assertThat(errors).isEmpty();
    assertThat(
            compose
                .path("services")
                .path("vigil")
                .path("depends_on")
                .path("postgres")
                .path("condition")
                .asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void configuresVigilForItsPostgresql(@TempDir Path tmp) throws IOException {
    JsonNode compose =
        new YAMLMapper().readTree(DeployFiles.path("compose/docker-compose.yaml").toFile());
    JsonNode vigil = compose.path("services").path("vigil");
    Map<String, String> env = new HashMap<>();
    // compose's ${NAME:-default} with nothing set: the default
    vigil
        .path("environment")
        .properties()
        .forEach(
            e ->
                env.put(
                    e.getKey(), e.getValue().asText().replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")));
    List<String> command = new ArrayList<>();
    vigil.path("command").forEach(c -> command.add(c.asText()));

    ServerConfig config = VigilConfigs.load(command, "", env, tmp);

    assertThat(config.mode()).isEqualTo(Mode.COMBO);
    assertThat(config.warnings()).isEmpty();
    assertThat(config.matcher().store())
        .startsWith("jdbc:postgresql://postgres:5432/vigil")
        .contains("password=vigil");
    assertThat(
            compose
                .path("services")
                .path("postgres")
                .path("environment")
                .path("POSTGRES_PASSWORD")
                .asText())
        .isEqualTo("${POSTGRES_PASSWORD:-vigil}");
  }

  @Test
  void reportsWhatTheSchemaRejects() throws IOException {
    Schema schema = composeSchema();
    String misspelt =
        "{\"services\":{\"vigil\":{\"image\":\"vigil/vigil\",\"port\":[\"6060:6060\"]}}}";

    assertThat(schema.validate(misspelt, InputFormat.JSON)).isNotEmpty();
  }
}
