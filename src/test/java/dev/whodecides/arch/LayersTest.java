package dev.whodecides.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises, checked on the compiled product classes: the domain core
 * depends on no adapter, nothing but the entry point reaches into cli, web or mcp, only mcp speaks the
 * Model Context Protocol SDK, and no two packages depend on each other in a circle.
 */
class LayersTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.whodecides");

  /**
   * The core: the vocabulary, the catalog, decisions, rules and knowledge, and the guarantees
   * model. Two classes of the guarantees package are codecs at its edge rather than model: the
   * ODCS reader (Jackson YAML and the JSON-schema validator) and the verify report's writer and
   * reader (JSON, text, JUnit XML); the SQL that runs the checks lives in guarantees.jdbc.
   */
  private static final DescribedPredicate<JavaClass> CORE = resideInAnyPackage(
      "dev.whodecides.vocabulary..", "dev.whodecides.catalog..", "dev.whodecides.decisions..",
      "dev.whodecides.rules..", "dev.whodecides.knowledge..")
      .or(resideInAPackage("dev.whodecides.guarantees")
          .and(not(nameMatching("dev\\.whodecides\\.guarantees\\.(ContractReader|VerifyReport|VerifyReportReader)(\\$.*)?"))))
      .as("the core (vocabulary, catalog, decisions, rules, knowledge, the guarantees model)");

  @Test
  void theCoreImportsNoAdapter() {
    noClasses().that(CORE).should().dependOnClassesThat().resideInAnyPackage(
            "dev.whodecides.web..", "dev.whodecides.cli..", "dev.whodecides.store..", "dev.whodecides.report..",
            "dev.whodecides.guarantees.jdbc..", "java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..",
            "picocli..", "com.fasterxml.jackson.databind..", "io.javalin..", "gg.jte..")
        .because("the domain core must run without a web server, a database, a command line or a JSON codec")
        .check(PRODUCT);
  }

  @Test
  void theVocabularyDependsOnNothingButJava() {
    classes().that().resideInAPackage("dev.whodecides.vocabulary..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.whodecides.vocabulary..", "java..")
        .check(PRODUCT);
  }

  @Test
  void nothingImportsTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("dev.whodecides.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.whodecides.cli..")
        .check(PRODUCT);
  }

  @Test
  void nothingButTheEntryPointImportsTheWeb() {
    // cli is the entry point: `whodecides serve` starts the service, and nothing else may reach in.
    noClasses().that().resideOutsideOfPackages("dev.whodecides.web..", "dev.whodecides.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.whodecides.web..")
        .check(PRODUCT);
  }

  @Test
  void onlyTheMcpPackageUsesTheMcpSdk() {
    // The SDK (and the Reactor and Jackson 3 it brings) stays behind dev.whodecides.mcp; cli starts the
    // server through that package without touching the protocol itself.
    noClasses().that().resideOutsideOfPackage("dev.whodecides.mcp..")
        .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
        .check(PRODUCT);
  }

  @Test
  void nothingButTheEntryPointImportsTheMcpServer() {
    // cli is the entry point: `whodecides mcp` builds the server from the mcp package.
    noClasses().that().resideOutsideOfPackages("dev.whodecides.mcp..", "dev.whodecides.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.whodecides.mcp..")
        .check(PRODUCT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.whodecides.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }
}
