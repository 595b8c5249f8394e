package dev.vigil.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md: no package cycles, and modules depend one way (core
 * ← store, registry ← server ← cli).
 */
class ArchitectureTest {
  private static final String[] CORE = {
    "dev.vigil.model..",
    "dev.vigil.spi..",
    "dev.vigil.datastore..",
    "dev.vigil.feed..",
    "dev.vigil.layer..",
    "dev.vigil.indexer..",
    "dev.vigil.matcher..",
    "dev.vigil.updater..",
    "dev.vigil.ecosystem..",
    "dev.vigil.purl..",
    "dev.vigil.sbom..",
    "dev.vigil.progress..",
    "dev.vigil.concurrent.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil");
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.vigil.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.store..", "dev.vigil.image..", "dev.vigil.server..", "dev.vigil.cli..")
        .check(classes);
  }

  @Test
  void serverDoesNotKnowTheCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.cli..")
        .check(classes);
  }

  @Test
  void nothingButTheCliDependsOnTheServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.vigil.server..", "dev.vigil.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.vigil.server..")
        .check(classes);
  }

  @Test
  void storeAndRegistryDoNotKnowEachOtherNorTheCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.image..", "dev.vigil.server..", "dev.vigil.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.image..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.store..", "dev.vigil.server..", "dev.vigil.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.registry..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.image..", "dev.vigil.store..", "dev.vigil.cli..")
        .check(classes);
  }

  @Test
  void modelDependsOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.spi..", "dev.vigil.layer..", "dev.vigil.indexer..", "dev.vigil.ecosystem..")
        .check(classes);
  }

  @Test
  void ecosystemsDoNotReachIntoTheEngines() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.ecosystem..")
        .and()
        .doNotHaveSimpleName("Defaults")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.indexer..", "dev.vigil.matcher..", "dev.vigil.updater..")
        .check(classes);
  }
}
