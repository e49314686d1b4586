package org.medoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of ARCHITECTURE.md that the compiler cannot check. */
class ModuleRulesTests {

    private final JavaClasses medoc = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medoc.archive", "org.medoc.products", "org.medoc.release");

    @Test
    void domainModulesDoNotDependOnVaadin() {
        noClasses().that().resideInAnyPackage("org.medoc.archive..", "org.medoc.products..", "org.medoc.release..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .because("views live in planner-ui and call the domain services; domain modules stay UI-free")
                .allowEmptyShould(true)
                .check(medoc);
    }

    @Test
    void releaseManagerFeaturePackagesHaveNoCycles() {
        slices().matching("org.medoc.release.(*)..")
                .should().beFreeOfCycles()
                .because("package by feature: model <- selection <- release <- packaging <- landing, doi beside them")
                .check(medoc);
    }

    @Test
    void planningFeaturePackagesHaveNoCycles() {
        JavaClasses planner = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medoc.planner");
        slices().matching("org.medoc.planner.(*)..").should().beFreeOfCycles()
                .because("package by feature: studies, periods, study sets, timeline, BOPs and ICNs depend one way")
                .check(planner);
    }

    @Test
    void planningDomainDoesNotDependOnVaadin() {
        JavaClasses planner = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medoc.planner");
        noClasses().that().resideInAnyPackage("org.medoc.planner..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .because("planning views live in org.medoc.ui.planning and call the planner services")
                .check(planner);
    }
}
