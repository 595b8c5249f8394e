package dev.vigil.ecosystem.amazon;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.List;

/**
 * The Amazon Linux Security Advisories (ALAS), the {@code amazon} updater: for Amazon Linux 1, 2
 * and 2023, the {@code updateinfo.xml} of the release's security repository, found as {@code dnf}
 * finds it: the release's {@code mirror.list} names the repository, whose {@code
 * repodata/repomd.xml} names the (gzipped) updateinfo file. A mirror is laid out like the CDN:
 * {@code 2018.03/updates/x86_64/mirror.list}, {@code 2/core/latest/x86_64/mirror.list}, {@code
 * al2023/core/mirrors/latest/x86_64/mirror.list}, each naming its repository by an absolute or a
 * relative URL.
 */
public final class AmazonAlas implements UpdaterFactory {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "amazon";

  /** Amazon's CDN. */
  public static final URI DEFAULT_SOURCE = URI.create("https://cdn.amazonlinux.com/");

  /** The releases, oldest first. */
  static final List<Release> RELEASES =
      List.of(
          new Release(
              "2018.03",
              "Amazon Linux AMI",
              "2018.03/updates/x86_64/mirror.list",
              URI.create("http://repo.us-west-2.amazonaws.com/2018.03/updates/x86_64/mirror.list"),
              "https://alas.aws.amazon.com/",
              "ALAS-"),
          new Release(
              "2",
              "Amazon Linux",
              "2/core/latest/x86_64/mirror.list",
              null,
              "https://alas.aws.amazon.com/AL2/",
              "ALAS2-"),
          new Release(
              "2023",
              "Amazon Linux",
              "al2023/core/mirrors/latest/x86_64/mirror.list",
              null,
              "https://alas.aws.amazon.com/AL2023/",
              "ALAS2023-"));

  /**
   * One Amazon Linux release.
   *
   * @param versionId its os-release {@code VERSION_ID}
   * @param name its os-release {@code NAME}
   * @param mirrorList its mirror list's path below a source laid out like the CDN
   * @param upstreamMirrorList its mirror list when the source is upstream and the CDN does not hold
   *     it (Amazon Linux 1), else null
   * @param advisories the directory of its advisories' pages
   * @param idPrefix the prefix of its advisory ids, which the pages name {@code ALAS-}
   */
  record Release(
      String versionId,
      String name,
      String mirrorList,
      URI upstreamMirrorList,
      String advisories,
      String idPrefix) {

    /** The mirror list of this release for {@code source}. */
    URI mirrorList(URI source) {
      return upstreamMirrorList != null && source.equals(DEFAULT_SOURCE)
          ? upstreamMirrorList
          : source.resolve(mirrorList);
    }

    /** The page of an advisory, e.g. {@code https://alas.aws.amazon.com/AL2/ALAS-2018-939.html}. */
    String advisoryUrl(String id) {
      String page = id.startsWith(idPrefix) ? "ALAS-" + id.substring(idPrefix.length()) : id;
      return advisories + page + ".html";
    }

    /** The distribution its statements apply to. */
    Distribution distribution() {
      return new Distribution(
          "",
          AmazonReleaseScanner.DID,
          name,
          versionId,
          "",
          versionId,
          "",
          "",
          name + " " + versionId);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new AmazonUpdater(FeedClient.directory(source), client);
  }
}
