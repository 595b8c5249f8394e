package dev.vigil.ecosystem.golang;

import static dev.vigil.ecosystem.lang.FoundLines.lines;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go scanner against {@code lang/go} (pair P15 of the fixtures): a go1.22.1 binary (inline
 * build info) and a go1.15.2 one (pointer build info). Go is not installed here, so instead of
 * comparing with {@code go version -m} the modules are named; they are what {@code strings} shows
 * in the binaries' module text.
 */
class GoBinaryScannerTest {
  @TempDir Path tmp;
  private final GoBinaryScanner scanner = new GoBinaryScanner();
  private final List<String> warnings = new ArrayList<>();

  private List<String> scan(Map<String, Path> layout) throws IOException {
    return lines(scanner.scan(MemoryTree.of(layout), warnings::add), OsvEcosystem.GO);
  }

  @Test
  void readsTheInlineBuildInfoOfGo122() throws IOException {
    assertThat(scan(Map.of("usr/bin/app", fixture("lang/go/main-version-via-ldflags.elf"))))
        .containsExactly("stdlib@1.22.1 usr/bin/app");
    assertThat(warnings).isEmpty();
  }

  @Test
  void readsThePointerBuildInfoOfGo115() throws IOException {
    assertThat(scan(Map.of("app", fixture("lang/go/test-go1.15.elf"))))
        .containsExactly(
            "github.com/aquasecurity/go-pep440-version@0.0.0-20210121094942-22b2f8951d46 app",
            "github.com/aquasecurity/go-version@0.0.0-20210121072130-637058cfe492 app",
            "golang.org/x/xerrors@0.0.0-20200804184101-5ec99f83aff1 app",
            "stdlib@1.15.2 app");
  }

  @Test
  void leavesOtherFilesAloneAndWarnsOnTruncatedBinaries() throws IOException {
    byte[] elf = Files.readAllBytes(fixture("lang/go/test-go1.15.elf"));
    Path truncated = Files.write(tmp.resolve("cut"), java.util.Arrays.copyOf(elf, 4096));
    Path text = Files.writeString(tmp.resolve("text"), "#!/bin/sh\n");
    assertThat(scan(Map.of("bin/cut", truncated, "bin/sh-script", text))).isEmpty();
    assertThat(warnings).singleElement().asString().startsWith("golang: bin/cut: ELF: truncated");
  }

  @Test
  void appliesReplacementsAndSkipsDevelAndLocalModules() {
    BuildInfo info =
        new BuildInfo(
            "go1.21rc2",
            String.join(
                "\n",
                "path\texample.com/cmd",
                "mod\texample.com/cmd\t(devel)\t",
                "dep\tgolang.org/x/net\tv0.1.0\th1:a=",
                "=>\tgithub.com/fork/net\tv0.1.1\th1:b=",
                "dep\texample.com/local\tv1.0.0\th1:c=",
                "=>\t../local\t",
                "dep\tgithub.com/pkg/errors\tv0.9.1\th1:d=",
                "build\tCGO_ENABLED=0",
                ""));
    assertThat(GoBinaryScanner.packages(info))
        .extracting(p -> p.name() + "@" + p.version())
        .containsExactly(
            "github.com/fork/net@0.1.1", "github.com/pkg/errors@0.9.1", "stdlib@1.21.0-rc.2");
  }

  @Test
  void writesGoVersionsAsOsvDoes() {
    assertThat(GoBinaryScanner.stdlibVersion("go1.22.1")).contains("1.22.1");
    assertThat(GoBinaryScanner.stdlibVersion("go1.20")).contains("1.20.0");
    assertThat(GoBinaryScanner.stdlibVersion("go1.22.1 X:boringcrypto")).contains("1.22.1");
    assertThat(GoBinaryScanner.stdlibVersion("devel go1.23-abc")).isEmpty();
  }
}
