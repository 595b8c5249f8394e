package dev.vigil.ecosystem.oval;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An updater for publishers of one OVAL file per release in one directory: fetch brings the set in
 * with {@link OvalFiles}; parse reads each file as a stream ({@code .bz2}, {@code .gz} decompressed
 * on the fly) and hands it to the ecosystem's {@link ReleaseParser} with the release the file's
 * name gives.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class OvalUpdater implements Updater {
  private static final Logger LOG = LoggerFactory.getLogger(OvalUpdater.class);

  /** Turns one release's document into vulnerabilities. */
  @FunctionalInterface
  public interface ReleaseParser {
    /**
     * Parses a document.
     *
     * @param release the release named by the file, e.g. {@code bookworm}
     */
    Parsed parse(OvalDocument document, String release);
  }

  /**
   * What one release's document held.
   *
   * @param vulnerabilities the vulnerabilities
   * @param skipped how many package checks could not be read
   */
  public record Parsed(List<Vulnerability> vulnerabilities, int skipped) {}

  private final String name;
  private final OvalFiles files;
  private final ReleaseParser parser;
  private final FeedClient client;

  /**
   * An updater.
   *
   * @param name the updater's name
   * @param source the directory listing the files
   * @param file the files' names, whose first group is the release
   * @param fixedNames the files to fetch without listing the directory, or empty to list it
   * @param parser reads each file
   */
  public OvalUpdater(
      String name,
      URI source,
      Pattern file,
      List<String> fixedNames,
      ReleaseParser parser,
      FeedClient client) {
    this.name = name;
    this.files = new OvalFiles(name, source, file, fixedNames);
    this.parser = parser;
    this.client = client;
  }

  @Override
  public String name() {
    return name;
  }

  /** The directory this updater reads, with a trailing slash. */
  public URI source() {
    return files.source();
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    return files.fetch(client, dir, previousFingerprint);
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    List<Vulnerability> out = new ArrayList<>();
    for (Path file : files.fetched(dir)) {
      String fileName = file.getFileName().toString();
      Matcher m = files.pattern().matcher(fileName);
      if (!m.matches()) {
        continue;
      }
      OvalDocument document;
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
          InputStream in = decompressed(raw, fileName)) {
        document = OvalReader.read(in, fileName);
      }
      Parsed parsed = parser.parse(document, m.group(1));
      LOG.atInfo()
          .setMessage("oval: parsed a release")
          .addKeyValue("updater", name)
          .addKeyValue("release", m.group(1))
          .addKeyValue("vulnerabilities", parsed.vulnerabilities().size())
          .addKeyValue("skipped", parsed.skipped())
          .log();
      out.addAll(parsed.vulnerabilities());
    }
    return List.copyOf(out);
  }

  private static InputStream decompressed(InputStream raw, String fileName) throws IOException {
    if (fileName.endsWith(".bz2")) {
      return new BZip2CompressorInputStream(raw);
    }
    return fileName.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
  }
}
