package dev.gttrainset.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The job's packages (transforms, pipeline, generator) as rooms with doors one way: no cycle between any two. */
class PackageStructureTest {
  /** The main classes of each module, as the reactor built them (tests and test jars left out). */
  private static final JavaClasses JOB =
      new ClassFileImporter()
          .importPaths(
              Paths.get("../transforms/target/classes"), Paths.get("../testdata/target/classes"), Paths.get("target/classes"));

  @Test
  void noPackageDependsOnAnotherThatDependsBackOnIt() {
    slices().matching("dev.gttrainset.(*)..").should().beFreeOfCycles().check(JOB);
  }

  @Test
  void valueTypesNeedNoOtherPackageOfTheJob() {
    noClasses()
        .that()
        .resideInAPackage("dev.gttrainset.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.gttrainset.role..", "dev.gttrainset.parse..", "dev.gttrainset.sample..", "dev.gttrainset.pipeline..")
        .check(JOB);
  }
}
