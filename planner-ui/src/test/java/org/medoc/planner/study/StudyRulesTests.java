package org.medoc.planner.study;

import org.junit.jupiter.api.Test;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.planner.study.Studies.window;

/** Each study rule of PLANNING.md §10.1: the case that triggers it with its severity and field, and the case that does not. */
class StudyRulesTests {

    private final StudyRules rules = new StudyRules(InstrumentConfiguration.defaults());
    private final StudyParameters valid = Studies.synoptic();
    private final SpectralWindow sw = valid.windows().get(0);
    private final SpectralWindow lw = valid.windows().get(1);

    private List<Finding> findings(StudyParameters study, String rule) {
        return rules.check(study).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void theSynopticFixtureBreaksNoRule() {
        assertThat(rules.check(valid)).extracting(Finding::severity).containsOnly(Severity.INFO);
    }

    @Test
    void s1UnknownSlitIsAnErrorOnTheSlitField() {
        List<Finding> found = findings(Studies.raster(192, 4, 5, 60), "S1");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.field()).isEqualTo("slitWidthArcsec");
        });
        assertThat(findings(Studies.raster(192, 30, 30, 60), "S1")).isEmpty();
    }

    @Test
    void s2RasterWiderThan960ArcsecIsAnError() {
        // 240 x 4" + 4" = 960": allowed; 241 positions = 964": too wide
        assertThat(findings(Studies.raster(240, 4, 4, 60), "S2")).isEmpty();
        assertThat(findings(Studies.raster(241, 4, 4, 60), "S2")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .satisfies(f -> assertThat(f.message()).contains("964"));
    }

    @Test
    void s3RasterNeedsTwoPositionsAndAStep() {
        assertThat(findings(Studies.raster(1, 4, 4, 60), "S3")).extracting(Finding::field).containsExactly("positions");
        assertThat(findings(Studies.raster(10, 0, 4, 60), "S3")).extracting(Finding::field).containsExactly("stepArcsec");
        assertThat(findings(Studies.raster(2, 4, 4, 60), "S3")).isEmpty();
    }

    @Test
    void s3SitAndStareHasOnePositionAndAtLeastOneExposure() {
        assertThat(findings(Studies.withType(valid, StudyType.SIT_AND_STARE, 3, 10), "S3")).extracting(Finding::field)
                .containsExactly("positions");
        assertThat(findings(Studies.withType(valid, StudyType.SIT_AND_STARE, 1, 0), "S3")).extracting(Finding::field)
                .containsExactly("exposuresPerPosition");
        assertThat(findings(Studies.withType(valid, StudyType.SIT_AND_STARE, 1, 10), "S3")).isEmpty();
    }

    @Test
    void s3SingleExposureHasOnePositionAndOneExposure() {
        assertThat(findings(Studies.withType(valid, StudyType.SINGLE_EXPOSURE, 1, 2), "S3")).extracting(Finding::severity)
                .containsExactly(Severity.ERROR);
        assertThat(findings(Studies.withType(valid, StudyType.SINGLE_EXPOSURE, 1, 1), "S3")).isEmpty();
    }

    @Test
    void s4StepUnlikeTheSlitWarnsOfGapsOrOversampling() {
        assertThat(findings(Studies.raster(100, 6, 4, 60), "S4")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("gaps"));
        assertThat(findings(Studies.raster(100, 1, 4, 60), "S4")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("oversamples"));
        assertThat(findings(Studies.raster(100, 4, 4, 60), "S4")).isEmpty();
    }

    @Test
    void s5WindowRowsOutsideTheStudyFieldAreAnError() {
        StudyParameters outside = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 731, 50, 900, 1, 1, 2, 26));
        assertThat(findings(outside, "S5")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.field()).isEqualTo("windows[0].yStartPx");
        });
        StudyParameters offDetector = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 731, 900, 1100, 1, 1, 2, 26));
        assertThat(findings(offDetector, "S5")).hasSize(1);
        assertThat(findings(Studies.withYField(valid, 500, 600), "S5")).extracting(Finding::field).contains("yStartPx");
        assertThat(findings(valid, "S5")).isEmpty();
    }

    @Test
    void s5DumbbellWindowsNeedANarrowSlit() {
        SpectralWindow dumbbell = window(sw, WindowKind.DUMBBELL_LOWER, 700, 731, 97, 126, 1, 1, 2, 26);
        StudyParameters wide = Studies.withWindow(Studies.raster(10, 30, 30, 60), 0, dumbbell);
        assertThat(findings(wide, "S5")).extracting(Finding::field).containsExactly("windows[0].kind");
        assertThat(findings(Studies.withWindow(valid, 0, dumbbell), "S5")).isEmpty();
    }

    @Test
    void s6WindowCrossingIntoTheOtherDetectorIsAnError() {
        StudyParameters crossing = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 1010, 1041, 97, 926, 1, 1, 2, 26));
        assertThat(findings(crossing, "S6")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.field()).isEqualTo("windows[0].lambdaPxStart");
        });
        StudyParameters wrongDetector = Studies.withWindow(valid, 1, window(lw, WindowKind.PROFILE, 300, 331, 97, 926, 1, 1, 2, 26));
        assertThat(findings(wrongDetector, "S6")).hasSize(1);
        assertThat(findings(valid, "S6")).isEmpty();
    }

    @Test
    void s7SizesNotDividingByTheBinningWarn() {
        StudyParameters partial = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 730, 97, 926, 4, 4, 2, 26));
        // 31 px wide / 4, 830 rows / 4
        assertThat(findings(partial, "S7")).extracting(Finding::field).containsExactly("windows[0].binLambda", "windows[0].binY");
        assertThat(findings(partial, "S7")).extracting(Finding::severity).containsOnly(Severity.WARNING);
        StudyParameters divides = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 731, 97, 926, 2, 2, 2, 26));
        assertThat(findings(divides, "S7")).isEmpty();
    }

    @Test
    void s7WindowOfNoWidthWarns() {
        StudyParameters empty = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 731, 700, 97, 926, 1, 1, 2, 26));
        assertThat(findings(empty, "S7")).extracting(Finding::field).containsExactly("windows[0].lambdaPxEnd");
    }

    @Test
    void s8UnknownBinningAndUnequalBinningWarn() {
        StudyParameters three = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 732, 97, 927, 3, 3, 2, 26));
        assertThat(findings(three, "S8")).extracting(Finding::field).containsExactly("windows[0].binY", "windows[0].binLambda");
        StudyParameters unequal = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 731, 97, 926, 2, 1, 2, 26));
        assertThat(findings(unequal, "S8")).singleElement().satisfies(f -> assertThat(f.message()).contains("NBIN2 = 2 differs"));
        assertThat(findings(valid, "S8")).isEmpty();
    }

    @Test
    void s9TouchingWindowsOnOneDetectorWarnOfMerging() {
        SpectralWindow next = window(sw, WindowKind.PROFILE, 732, 763, 97, 926, 1, 1, 2, 26);
        StudyParameters touching = Studies.withWindows(valid, List.of(sw, next));
        assertThat(findings(touching, "S9")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        SpectralWindow apart = window(sw, WindowKind.PROFILE, 733, 764, 97, 926, 1, 1, 2, 26);
        assertThat(findings(Studies.withWindows(valid, List.of(sw, apart)), "S9")).isEmpty();
    }

    @Test
    void s10MoreThan15WindowsWarnAndMoreThan32AreAnError() {
        assertThat(findings(manyWindows(15), "S10")).isEmpty();
        assertThat(findings(manyWindows(16), "S10")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(findings(manyWindows(33), "S10")).extracting(Finding::severity).containsExactly(Severity.ERROR);
    }

    private StudyParameters manyWindows(int count) {
        List<SpectralWindow> windows = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> windows.add(window(sw, WindowKind.INTENSITY, 1 + 30 * i, 16 + 30 * i, 97, 926, 1, 1, 2, 26)));
        return Studies.withWindows(valid, windows);
    }

    @Test
    void s11ExposureOutsideTheLimitsIsAnError() {
        assertThat(findings(Studies.raster(10, 4, 4, 0), "S11")).extracting(Finding::field).containsExactly("exposureSeconds");
        assertThat(findings(Studies.raster(10, 4, 4, 601), "S11")).hasSize(1);
        assertThat(findings(Studies.raster(10, 4, 4, 0.5), "S11")).isEmpty();
    }

    @Test
    void s12CompressionCodesOutOfRangeAreAnError() {
        StudyParameters bad = Studies.withWindow(valid, 0, window(sw, WindowKind.PROFILE, 700, 731, 97, 926, 1, 1, 8, 256));
        assertThat(findings(bad, "S12")).extracting(Finding::field)
                .containsExactly("windows[0].compressionType", "windows[0].compressionParam");
        assertThat(findings(valid, "S12")).isEmpty();
    }

    @Test
    void s13NameDisagreeingWithSlitOrExposureWarns() {
        StudyParameters wrongSlit = Studies.raster(192, 6, 6, 60);
        assertThat(findings(wrongSlit, "S13")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("SL04");
        });
        assertThat(findings(Studies.raster(192, 4, 4, 30), "S13")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("60 s exposure but the exposure is 30 s"));
        assertThat(findings(valid.withName("my study"), "S13")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("proposed: SCI_SYNOPTIC_SC_SL04_60.0S_FF"));
        assertThat(findings(valid, "S13")).isEmpty();
    }

    @Test
    void s14NameOrObsTypeOfAnotherStudyIsAnError() {
        List<StudyRules.NameClaim> others = List.of(new StudyRules.NameClaim(7, "SCI_SYNOPTIC_SC_SL04_60.0S_FF", "abcd"),
                new StudyRules.NameClaim(8, "SCI_DYN-FAST_SC_SL04_5.0S_FF", "iqVx"));
        List<Finding> found = rules.uniqueness(valid, 1, others);
        assertThat(found).extracting(Finding::field).containsExactly("name", "obsTypeCode");
        assertThat(found).extracting(Finding::severity).containsOnly(Severity.ERROR);
        // the study's own lineage (its earlier revisions) does not count
        assertThat(rules.uniqueness(valid, 7, List.of(others.getFirst()))).isEmpty();
        assertThat(rules.uniqueness(valid.withObsTypeCode("toolong"), 1, List.of())).extracting(Finding::field)
                .containsExactly("obsTypeCode");
    }

    @Test
    void s15DurationVolumeAndRateAreAlwaysReported() {
        assertThat(findings(valid, "S15")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("11520 s").contains("3.20 h").contains("kbit/s");
        });
    }

    @Test
    void findingsWithUniquenessComeInRuleOrder() {
        List<Finding> found = rules.check(Studies.raster(1, 0, 5, 0), 1, List.of());
        List<Integer> order = found.stream().map(f -> Integer.parseInt(f.rule().substring(1))).toList();
        assertThat(order).isSorted();
    }
}
