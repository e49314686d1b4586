package org.medoc.planner.period;

import org.junit.jupiter.api.Test;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** M1 to M3: intervals, constraint windows and allocations, each finding on the field at fault. */
class PeriodRulesTests {

    private static final Instant T = Instant.parse("2026-12-15T06:00:00Z");

    @Test
    void anIntervalEndingAtOrBeforeItsStartIsM1OnTheEnd() {
        assertThat(PeriodRules.interval("a SOOP instance", T, T)).extracting(Finding::rule, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("M1", "end"));
        assertThat(PeriodRules.interval("a SOOP instance", T, T.plusSeconds(1))).isEmpty();
    }

    @Test
    void aConstraintWindowFromAnUnknownSourceWithoutATypeIsM2OnBoth() {
        assertThat(PeriodRules.constraintWindow(Set.of("MANUAL"), "FAX", " ", T, T.plusSeconds(60))).extracting(Finding::field)
                .containsExactly("source", "type");
        assertThat(PeriodRules.constraintWindow(Set.of("MANUAL"), "MANUAL", "ROLL", T, T.plusSeconds(60))).isEmpty();
    }

    @Test
    void aNegativeAllocationIsM3AndZeroIsAllowed() {
        assertThat(PeriodRules.allocation(-1)).extracting(Finding::rule).containsExactly("M3");
        assertThat(PeriodRules.allocation(0)).isEmpty();
    }
}
