package dev.vigil.ecosystem.amazon;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.FeedSet;
import dev.vigil.feed.Validators;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and reads the {@code updateinfo.xml} of each Amazon Linux release (see {@link
 * AmazonAlas}): mirror list and {@code repomd.xml} every time, the updateinfo files as one {@link
 * FeedSet}, into {@code <VERSION_ID>/updateinfo.xml[.gz]}. A release whose mirror list the source
 * does not have is left out; a source with none of them is an error.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
final class AmazonUpdater implements Updater {
  private static final Logger LOG = LoggerFactory.getLogger(AmazonUpdater.class);
  private static final String UPDATEINFO = "updateinfo.xml";

  private final URI source;
  private final FeedClient client;

  AmazonUpdater(URI source, FeedClient client) {
    this.source = source;
    this.client = client;
  }

  @Override
  public String name() {
    return AmazonAlas.NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    Map<URI, Path> files = new LinkedHashMap<>();
    for (AmazonAlas.Release release : AmazonAlas.RELEASES) {
      Path releaseDir = Files.createDirectories(dir.resolve(release.versionId()));
      URI list = release.mirrorList(source);
      Path listFile = releaseDir.resolve("mirror.list");
      try {
        client.fetch(list, Validators.NONE, listFile);
      } catch (FeedNotFoundException e) {
        LOG.atInfo()
            .setMessage("amazon: the source has no mirror list for a release")
            .addKeyValue("release", release.versionId())
            .addKeyValue("url", list)
            .log();
        continue;
      }
      URI repo = repository(list, Files.readString(listFile, StandardCharsets.UTF_8));
      Path repomd = releaseDir.resolve("repomd.xml");
      client.fetch(repo.resolve("repodata/repomd.xml"), Validators.NONE, repomd);
      String href;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(repomd))) {
        href = RepoMd.location(in, release.versionId() + "/repomd.xml", "updateinfo");
      }
      String target = href.endsWith(".gz") ? UPDATEINFO + ".gz" : UPDATEINFO;
      files.put(resolve(repo, href), releaseDir.resolve(target));
    }
    if (files.isEmpty()) {
      throw new IOException("amazon: " + source + " has the mirror list of no release");
    }
    FeedSet.Result fetched = FeedSet.fetch(client, files, previousFingerprint);
    return new FetchResult(fetched.changed(), fetched.fingerprint());
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    List<Vulnerability> out = new ArrayList<>();
    boolean any = false;
    for (AmazonAlas.Release release : AmazonAlas.RELEASES) {
      for (String name : List.of(UPDATEINFO + ".gz", UPDATEINFO)) {
        Path file = dir.resolve(release.versionId()).resolve(name);
        if (!Files.isRegularFile(file)) {
          continue;
        }
        any = true;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
          out.addAll(UpdateInfoParser.parse(in, release.versionId() + "/" + name, release));
        }
      }
    }
    if (!any) {
      throw new ScanException("amazon: " + dir + " holds no updateinfo file");
    }
    return List.copyOf(out);
  }

  /** The repository a mirror list names first, as a directory. */
  private static URI repository(URI list, String mirrorList) throws IOException {
    for (String line : mirrorList.split("\n")) {
      String url = line.strip();
      if (!url.isEmpty() && !url.startsWith("#")) {
        return FeedClient.directory(resolve(list, url));
      }
    }
    throw new ScanException("amazon: " + list + " names no repository");
  }

  private static URI resolve(URI base, String reference) throws ScanException {
    try {
      return base.resolve(new URI(reference));
    } catch (URISyntaxException e) {
      throw new ScanException("amazon: " + base + ": not a URL: " + reference, e);
    }
  }
}
