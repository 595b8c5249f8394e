package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which commands the command line is built with. */
class VigilCliTest {

  @Test
  void aNamedSubcommandIsBuiltAloneAndEverythingElseSeesThemAll() {
    assertThat(VigilCli.commandLine("scan", "alpine:3.18").getSubcommands())
        .containsOnlyKeys("scan");
    assertThat(VigilCli.commandLine().getSubcommands())
        .containsOnlyKeys("scan", "report", "db", "update", "serve", "klar", "help");
    assertThat(VigilCli.commandLine("help", "scan").getSubcommands()).hasSize(7);
    assertThat(VigilCli.commandLine("--version").getSubcommands()).hasSize(7);
    assertThat(VigilCli.commandLine("scn").getSubcommands()).hasSize(7);
  }

  @Test
  void aSubcommandBuiltAloneKeepsItsFullName() {
    CommandLine cli = VigilCli.commandLine("scan", "--help");
    StringWriter usage = new StringWriter();
    cli.getSubcommands().get("scan").usage(new PrintWriter(usage));
    assertThat(usage.toString()).startsWith("Usage: vigil scan ");
  }
}
