package dev.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Docker credential helpers ({@code docker-credential-NAME get}, the server URL on standard
 * input, {@code {"Username":…,"Secret":…}} on standard output), each within the timeout.
 */
final class CredentialHelper {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_OUTPUT = 64 * 1024;

  private final List<Path> searchPath;
  private final Duration timeout;

  CredentialHelper(List<Path> searchPath, Duration timeout) {
    this.searchPath = List.copyOf(searchPath);
    this.timeout = timeout;
  }

  /**
   * Asks helper {@code name} for the credential of {@code serverUrl}.
   *
   * @return empty when the helper has none for that server
   * @throws RegistryException when the helper is missing, fails or hangs
   */
  Optional<Credential> get(String name, String serverUrl) throws RegistryException {
    String program = "docker-credential-" + name;
    Path executable =
        searchPath.stream()
            .map(dir -> dir.resolve(program))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new RegistryException(
                        "registry: the credential helper " + program + " is not on the PATH"));
    String output = run(executable, program, serverUrl);
    if (output.toLowerCase(Locale.ROOT).contains("credentials not found")) {
      return Optional.empty();
    }
    try {
      JsonNode answer = MAPPER.readTree(output);
      String username = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      return secret.isEmpty() ? Optional.empty() : Optional.of(new Credential(username, secret));
    } catch (IOException e) {
      throw new RegistryException(
          "registry: " + program + " answered something that is not JSON for " + serverUrl, e);
    }
  }

  private String run(Path executable, String program, String serverUrl) throws RegistryException {
    Process process;
    try {
      process =
          new ProcessBuilder(executable.toString(), "get")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new RegistryException("registry: cannot run " + program + ": " + e.getMessage(), e);
    }
    try {
      CompletableFuture<byte[]> stdout =
          CompletableFuture.supplyAsync(() -> readOutput(process.getInputStream()));
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // a helper that exits without reading its input still answers on standard output
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new RegistryException(
            "registry: " + program + " did not answer within " + timeout.toMillis() + " ms");
      }
      String output =
          new String(stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
      if (process.exitValue() != 0 && !output.toLowerCase(Locale.ROOT).contains("not found")) {
        throw new RegistryException(
            "registry: "
                + program
                + " failed (exit "
                + process.exitValue()
                + "): "
                + output.lines().findFirst().orElse("").trim());
      }
      return output;
    } catch (RegistryException e) {
      throw e;
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new RegistryException("registry: " + program + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("registry: interrupted while running " + program, e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static byte[] readOutput(InputStream out) {
    try (out) {
      return out.readNBytes(MAX_OUTPUT);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
