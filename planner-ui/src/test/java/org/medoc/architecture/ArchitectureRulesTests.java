package org.medoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** medoc's own classes, main and test of every module, keep the module rules of docs/architecture.md. */
class ArchitectureRulesTests {

    /** Main and test classes: no test reaches into another module's tables either. */
    private static JavaClasses medoc;
    /** Main classes: tests may cross feature packages (a fixture of one feature used by another's tests). */
    private static JavaClasses medocMain;

    static final List<String> SCHEMAS = List.copyOf(MedocRules.SCHEMA_OWNERS.keySet());

    @BeforeAll
    static void importEveryModule() {
        medoc = MedocRules.medoc();
        medocMain = MedocRules.mainOnly(medoc);
    }

    @ParameterizedTest(name = "the {0} schema is used only by its owner")
    @FieldSource("SCHEMAS")
    void eachSchemaIsUsedOnlyByItsOwner(String schema) {
        MedocRules.schemaUsedOnlyByItsOwner(schema).check(medoc);
    }

    @ParameterizedTest(name = "no cycles between {0}")
    @FieldSource("org.medoc.architecture.MedocRules#FEATURE_SLICES")
    void featurePackagesHaveNoCycles(String slices) {
        MedocRules.noCyclesBetweenFeaturePackages(slices).check(medocMain);
    }

    @Test
    void theDomainDoesNotDependOnVaadin() {
        MedocRules.domainFreeOfVaadin().check(medocMain);
    }

    @Test
    void theImportHoldsEveryModuleMainAndTest() {
        assertThat(medoc.containPackage("org.medoc.archive.catalogue")).isTrue();
        assertThat(medoc.containPackage("org.medoc.products.chain")).isTrue();
        assertThat(medoc.containPackage("org.medoc.release.selection")).isTrue();
        assertThat(medoc.containPackage("org.medoc.planner.study")).isTrue();
        assertThat(medoc.containPackage("org.medoc.ui.planning")).isTrue();
        // tests of the other modules, read from their build output
        assertThat(medoc.contain("org.medoc.archive.storage.VerifiedReadTests")).isTrue();
        assertThat(medoc.contain("org.medoc.release.selection.SelectionServiceTests")).isTrue();
        assertThat(medoc.contain("org.medoc.products.chain.ProductEngineTests")).isTrue();
        // the main-class view leaves every test out, and keeps the main classes
        assertThat(medocMain.contain("org.medoc.archive.storage.VerifiedReadTests")).isFalse();
        assertThat(medocMain.contain("org.medoc.architecture.ArchitectureRulesTests")).isFalse();
        assertThat(medocMain.contain("org.medoc.archive.catalogue.CatalogueService")).isTrue();
        assertThat(medocMain.contain("org.medoc.ui.planning.StudiesView")).isTrue();
        // the planted violations stay out
        assertThat(medoc.stream().map(c -> c.getSimpleName()).filter(n -> n.startsWith("Planted"))).isEmpty();
    }
}
