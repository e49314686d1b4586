package org.medoc.planner.period;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** SOOP definitions as the Mission Planning screen lists them, on PostgreSQL. */
@PlanningIntegrationTest
class PeriodServiceTests {

    @Autowired PeriodService periods;

    @Test
    void aCreatedSoopIsListedWithItsCodeAndPointingAndCanCarryInstances() {
        String name = "R_TEST_" + PlanningFixtures.uniqueVariant();
        long id = periods.createSoop(name, "K-1", "SOOP_TEST", "LIMB", 4.5);
        assertThat(periods.soops()).filteredOn(s -> s.id() == id).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.fitsTypeCode()).isEqualTo("SOOP_TEST");
            assertThat(s.pointingRequirement()).isEqualTo("LIMB");
            assertThat(s.defaultDurationHours()).isEqualTo(4.5);
        });
        Instant start = Instant.parse("2031-03-02T10:00:00Z");
        SoopInstance instance = periods.addSoopInstance(id, start, start.plusSeconds(3600), "first run");
        assertThat(instance.soopName()).isEqualTo(name);
        assertThat(periods.soopInstances(start.minusSeconds(1), start.plusSeconds(1))).extracting(SoopInstance::id).contains(instance.id());
    }
}
