package dev.podpath.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the pipeline's arrows one way (docs/design.md, "Pipeline"): each stage may use the stages
 * before it, never after. {@code core} is shared by all.
 */
@AnalyzeClasses(packages = "dev.podpath", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule stagesPointOneWay =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("core").definedBy("dev.podpath.core..")
          .layer("ingest").definedBy("dev.podpath.ingest..")
          .layer("model").definedBy("dev.podpath.model..")
          .layer("controlplane").definedBy("dev.podpath.controlplane..")
          .layer("dataplane").definedBy("dev.podpath.dataplane..")
          .layer("analysis").definedBy("dev.podpath.analysis..")
          .layer("report").definedBy("dev.podpath.report..")
          .layer("lab").definedBy("dev.podpath.lab..")
          .layer("cli").definedBy("dev.podpath.cli..")
          .whereLayer("cli").mayNotBeAccessedByAnyLayer()
          .whereLayer("lab").mayOnlyBeAccessedByLayers("cli")
          .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "lab")
          .whereLayer("analysis").mayOnlyBeAccessedByLayers("report", "lab", "cli")
          .whereLayer("dataplane").mayOnlyBeAccessedByLayers("analysis", "report", "lab", "cli")
          .whereLayer("controlplane").mayOnlyBeAccessedByLayers("dataplane", "analysis", "report", "lab", "cli")
          .whereLayer("model").mayOnlyBeAccessedByLayers("controlplane", "dataplane", "analysis", "report", "lab", "cli")
          .whereLayer("ingest").mayOnlyBeAccessedByLayers("model", "controlplane", "dataplane", "analysis", "report", "lab", "cli")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheCliPrints =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
          .that().resideOutsideOfPackages("dev.podpath.cli..", "dev.podpath.lab..")
          .should().accessField(System.class, "out")
          .orShould().accessField(System.class, "err")
          .because("results go through the report layer and the CLI prints them (docs/design.md)");
}
