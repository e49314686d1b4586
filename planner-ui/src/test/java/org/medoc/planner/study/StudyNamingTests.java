package org.medoc.planner.study;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The naming convention of PLANNING.md §3.2 on real study names. */
class StudyNamingTests {

    @Test
    void proposesTheRealSynopticName() {
        assertThat(StudyNaming.propose(Studies.synoptic(), null)).isEqualTo("SCI_SYNOPTIC_SC_SL04_60.0S_FF");
    }

    @Test
    void proposesTheRealDynamicsNameWithItsVariant() {
        StudyParameters dynamics = Studies.raster(32, 4, 4, 5);
        StudyParameters categorised = new StudyParameters(dynamics.name(), null, StudyCategory.DYNAMICS, StudyType.RASTER,
                StudyPurpose.SCIENCE, null, 4, 32, 4, 0, YFieldOfView.FULL_FIELD, 97, 830, 5, 1, 1, ReadMode.DESTRUCTIVE,
                false, 0, false, false, null, null, null, null, dynamics.windows());
        assertThat(StudyNaming.propose(categorised, "fast")).isEqualTo("SCI_DYN-FAST_SC_SL04_5.0S_FF");
    }

    @Test
    void exposureTokenKeepsOneDecimalOrMoreWhenNeeded() {
        assertThat(StudyNaming.exposureToken(0.5)).isEqualTo("0.5");
        assertThat(StudyNaming.exposureToken(60)).isEqualTo("60.0");
        assertThat(StudyNaming.exposureToken(0.25)).isEqualTo("0.25");
    }

    @Test
    void parsesRealNames() {
        assertThat(StudyNaming.parse("SCI_DYN-QS-MEDIUM-1ARC_SS_SL02_5.0S_FF")).hasValueSatisfying(tokens -> {
            assertThat(tokens.purpose()).isEqualTo("SCI");
            assertThat(tokens.mode()).isEqualTo("DYN-QS-MEDIUM-1ARC");
            assertThat(tokens.slitArcsec()).isEqualTo(2);
            assertThat(tokens.exposureSeconds()).isEqualTo(5.0);
            assertThat(tokens.yField()).isEqualTo("FF");
        });
        assertThat(StudyNaming.parse("CAL_FULLSP-PREP_TS_SL04_0.5S_FD")).hasValueSatisfying(t -> assertThat(t.exposureSeconds()).isEqualTo(0.5));
        assertThat(StudyNaming.parse("not a study name")).isEmpty();
    }
}
