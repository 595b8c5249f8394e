package dev.vigil.cli.policy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.packageurl.PackageURL;
import dev.vigil.purl.PackageUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ignore file in the shape of Trivy's {@code .trivyignore.yaml}: a {@code vulnerabilities} list
 * whose entries have an {@code id} and optionally {@code purls}, {@code paths}, {@code expired_at}
 * ({@code yyyy-mm-dd}) and {@code statement}. Vigil also reads {@code packages} (package names),
 * and {@code package}, {@code purl}, {@code expires} and {@code reason} as aliases. Other sections
 * (misconfigurations, secrets, licenses) are left alone.
 *
 * @param entries the entries, in file order
 */
public record IgnoreFile(List<IgnoreEntry> entries) {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  /** Copies the entries. */
  public IgnoreFile {
    entries = List.copyOf(entries);
  }

  /**
   * Reads an ignore file.
   *
   * @throws IOException when the file cannot be read or an entry is malformed; the message starts
   *     with {@code ignore-file:}
   */
  public static IgnoreFile read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("ignore-file: no such file: " + file);
    }
    Document document;
    try {
      JsonNode tree = YAML.readTree(file.toFile());
      document =
          tree == null || tree.isMissingNode() || tree.isNull()
              ? null
              : YAML.treeToValue(tree, Document.class);
    } catch (JacksonException e) {
      throw new IOException("ignore-file: " + file + ": " + e.getOriginalMessage(), e);
    }
    List<IgnoreEntry> entries = new ArrayList<>();
    List<RawEntry> raw =
        document == null || document.vulnerabilities() == null
            ? List.of()
            : document.vulnerabilities();
    for (int i = 0; i < raw.size(); i++) {
      entries.add(entry(raw.get(i), file + ": entry " + (i + 1)));
    }
    return new IgnoreFile(entries);
  }

  /** The entry that suppresses {@code finding} on {@code today}, if any. */
  public Optional<IgnoreEntry> suppressing(Finding finding, LocalDate today) {
    return entries.stream().filter(e -> !e.expired(today) && e.matches(finding)).findFirst();
  }

  /** The entries that have expired on {@code today}. */
  public List<IgnoreEntry> expired(LocalDate today) {
    return entries.stream().filter(e -> e.expired(today)).toList();
  }

  private static IgnoreEntry entry(RawEntry raw, String where) throws IOException {
    if (raw == null || raw.id() == null || raw.id().isBlank()) {
      throw new IOException("ignore-file: " + where + " has no id");
    }
    List<PackageURL> purls = new ArrayList<>();
    for (String text : orEmpty(raw.purls())) {
      try {
        purls.add(PackageUrls.parsePurl(text));
      } catch (IllegalArgumentException e) {
        throw new IOException("ignore-file: " + where + ": " + e.getMessage(), e);
      }
    }
    LocalDate expiredAt = null;
    if (raw.expiredAt() != null && !raw.expiredAt().isBlank()) {
      try {
        expiredAt = LocalDate.parse(raw.expiredAt().strip());
      } catch (DateTimeParseException e) {
        throw new IOException(
            "ignore-file: " + where + ": expired_at '" + raw.expiredAt() + "' is not yyyy-mm-dd",
            e);
      }
    }
    return new IgnoreEntry(
        raw.id().strip(),
        purls,
        orEmpty(raw.packages()),
        orEmpty(raw.paths()),
        expiredAt,
        raw.statement() == null ? "" : raw.statement().strip());
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  /** The file as written. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Document(List<RawEntry> vulnerabilities) {}

  /** An entry as written. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawEntry(
      String id,
      @JsonAlias("purl") List<String> purls,
      @JsonAlias("package") List<String> packages,
      List<String> paths,
      @JsonProperty("expired_at") @JsonAlias("expires") String expiredAt,
      @JsonAlias("reason") String statement) {}
}
