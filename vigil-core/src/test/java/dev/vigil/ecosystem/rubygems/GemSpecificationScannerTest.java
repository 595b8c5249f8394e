package dev.vigil.ecosystem.rubygems;

import static dev.vigil.ecosystem.lang.FoundLines.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gem scanner. There is no Ruby fixture in {@code ../shared/fixtures}, so the specifications
 * are written here, in the two shapes RubyGems writes: the {@code s.name = …} form of installed
 * gems' stubs and the {@code Gem::Specification.new "name", "version"} form.
 */
class GemSpecificationScannerTest {
  private static final String GEMS = "usr/local/bundle/specifications";
  private static final String RAKE =
      """
      # -*- encoding: utf-8 -*-
      # stub: rake 13.0.6 ruby lib

      Gem::Specification.new do |s|
        s.name = "rake".freeze
        s.version = "13.0.6"

        s.required_rubygems_version = Gem::Requirement.new(">= 1.3.2".freeze) if s.respond_to? :required_rubygems_version=
        s.authors = ["Hiroshi SHIBATA".freeze, "Eric Hodel".freeze]
      end
      """;
  private static final String JSON_DEFAULT =
      """
      # -*- encoding: utf-8 -*-
      Gem::Specification.new "json", "2.6.1" do |s|
        s.summary = "JSON Implementation for Ruby"
      end
      """;

  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsBothShapesOfSpecification() throws IOException {
    Map<String, Path> layout = new TreeMap<>();
    layout.put(GEMS + "/rake-13.0.6.gemspec", Files.writeString(tmp.resolve("rake"), RAKE));
    layout.put(
        "usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec",
        Files.writeString(tmp.resolve("json"), JSON_DEFAULT));
    layout.put("src/app/app.gemspec", Files.writeString(tmp.resolve("app"), RAKE));
    List<String> found =
        lines(
            new GemSpecificationScanner().scan(MemoryTree.of(layout), warnings::add),
            OsvEcosystem.RUBYGEMS);
    assertThat(found)
        .containsExactlyInAnyOrder(
            "rake@13.0.6 " + GEMS + "/rake-13.0.6.gemspec",
            "json@2.6.1 usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aSpecificationWithoutVersionIsNoGem() {
    assertThat(GemSpecificationScanner.parse("Gem::Specification.new do |s|\n s.name = 'x'\nend"))
        .isEmpty();
  }
}
