package org.medoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each module rule fails on a deliberately bad class set (the Planted* classes of this source tree, left out of
 * {@link ArchitectureRulesTests}'s import): a rule that passes on everything would prove nothing.
 */
class RulesCatchPlantedViolationsTests {

    private final JavaClasses planted = MedocRules.planted();

    @Test
    void theBadClassSetHoldsThePlantedClassesOnly() {
        assertThat(planted.stream().map(c -> c.getSimpleName()))
                .containsExactlyInAnyOrder("PlantedArchiveReader", "PlantedCycleA", "PlantedCycleB", "PlantedGolfPanel");
    }

    @Test
    void aProductsClassReadingTheArchiveTablesBreaksSchemaOwnership() {
        assertThatThrownBy(() -> MedocRules.schemaUsedOnlyByItsOwner("archive").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedArchiveReader")
                .hasMessageContaining("org.medoc.db.jooq.archive");
    }

    @Test
    void twoFeaturePackagesDependingOnEachOtherAreACycle() {
        assertThatThrownBy(() -> MedocRules.noCyclesBetweenFeaturePackages("org.medoc.release.(*)..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("plantedcyclea")
                .hasMessageContaining("plantedcycleb");
    }

    @Test
    void aVaadinComponentInTheGolfDomainIsRefusedBeforeTheDomainExists() {
        assertThatThrownBy(() -> MedocRules.domainFreeOfVaadin().check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedGolfPanel")
                .hasMessageContaining("com.vaadin");
    }

    @Test
    void aRuleWithNothingToCheckFailsInsteadOfPassing() {
        JavaClasses none = new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages("org.medoc.nothing.here");
        assertThatThrownBy(() -> MedocRules.domainFreeOfVaadin().check(none)).isInstanceOf(AssertionError.class);
    }
}
