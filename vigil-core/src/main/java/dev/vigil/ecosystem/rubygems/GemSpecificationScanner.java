package dev.vigil.ecosystem.rubygems;

import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Package;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the installed Ruby gems from the specifications RubyGems keeps for them, {@code
 * specifications/*.gemspec} and {@code specifications/default/*.gemspec} below any gem home, as the
 * gem name at its version in the {@link OsvEcosystem#RUBYGEMS RubyGems} repository. The
 * specification is Ruby code and is not run: the name and version are read from its {@code s.name =
 * "…"} and {@code s.version = "…"} lines, or from {@code Gem::Specification.new "NAME", "VERSION"}.
 */
public final class GemSpecificationScanner extends LanguageFileScanner {
  private static final Pattern NEW =
      Pattern.compile(
          "Gem::Specification\\.new\\s*\\(?\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"']");
  private static final Pattern NAME =
      Pattern.compile("(?m)^\\s*\\w+\\.name\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern VERSION =
      Pattern.compile(
          "(?m)^\\s*\\w+\\.version\\s*=\\s*(?:Gem::Version\\.new\\(\\s*)?[\"']([^\"']+)[\"']");

  @Override
  public String name() {
    return "rubygems";
  }

  @Override
  public FileFilter files() {
    return GemSpecificationScanner::isSpecification;
  }

  @Override
  protected List<FoundPackage> scanFile(FileTree tree, String path) throws IOException {
    return metadataFile(
        tree,
        path,
        OsvEcosystem.RUBYGEMS,
        content -> parse(new String(content, StandardCharsets.UTF_8)));
  }

  /** The gem a specification names, or empty when its name or version cannot be read. */
  static Optional<Package> parse(String specification) {
    Matcher constructor = NEW.matcher(specification);
    if (constructor.find()) {
      return named(constructor.group(1), constructor.group(2));
    }
    Matcher name = NAME.matcher(specification);
    Matcher version = VERSION.matcher(specification);
    if (!name.find() || !version.find()) {
      return Optional.empty();
    }
    return named(name.group(1), version.group(1));
  }

  private static boolean isSpecification(String path) {
    if (!path.endsWith(".gemspec")) {
      return false;
    }
    String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    return parent.equals("specifications")
        || parent.endsWith("/specifications")
        || parent.endsWith("/specifications/default");
  }
}
