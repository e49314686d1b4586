package org.medoc.planner.study;

import org.junit.jupiter.api.Test;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService.SpectralLine;
import org.medoc.planner.validation.Finding;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the study editor starts and completes a draft: defaults, window placement, purpose, name, findings shown. */
class StudyDraftsTests {

    private final InstrumentConfiguration configuration = InstrumentConfiguration.defaults();
    private final StudyDrafts.Rows fullField = StudyDrafts.rows(configuration, YFieldOfView.FULL_FIELD);
    private final SpectralLine oVi = new SpectralLine(7, "O VI", 103.19, "LW", 1, "test");

    @Test
    void aNewStudyIsASynopticRasterOverTheFullFieldThatBreaksNoRule() {
        StudyParameters study = StudyDrafts.newStudy(configuration, "ana");
        assertThat(study.category()).isEqualTo(StudyCategory.SYNOPTIC);
        assertThat(study.studyType()).isEqualTo(StudyType.RASTER);
        assertThat(study.slitWidthArcsec()).isEqualTo(4.0);
        assertThat(study.positions()).isEqualTo(2);
        assertThat(study.exposureSeconds()).isEqualTo(60.0);
        assertThat(study.yStartPx()).isEqualTo(97);
        assertThat(study.yHeightPx()).isEqualTo(830);
        assertThat(study.author()).isEqualTo("ana");
        assertThat(new StudyRules(configuration).check(StudyDrafts.named(study, null)))
                .filteredOn(f -> f.severity() == org.medoc.planner.validation.Severity.ERROR).isEmpty();
    }

    @Test
    void theFullDetectorCoversEveryRowAndTheFullFieldTheConfiguredOnes() {
        assertThat(StudyDrafts.rows(configuration, YFieldOfView.FULL_DETECTOR)).isEqualTo(new StudyDrafts.Rows(1, 1024));
        assertThat(fullField).isEqualTo(new StudyDrafts.Rows(97, 926));
        assertThat(fullField.heightPx()).isEqualTo(830);
        assertThat(StudyDrafts.rows(configuration.withParameter(InstrumentConfiguration.FULL_FIELD_START, 101), YFieldOfView.FULL_FIELD))
                .isEqualTo(new StudyDrafts.Rows(101, 930));
    }

    @Test
    void aWindowIsCentredOnItsLineWithTheDefaultCompression() {
        SpectralWindow window = StudyDrafts.windowFor(configuration, oVi, 32, WindowKind.PROFILE, fullField);
        int lineIndex = configuration.detector("LW").orElseThrow().indexOf(103.19);
        assertThat(window.lambdaPxStart()).isEqualTo(lineIndex - 16);
        assertThat(window.widthPx()).isEqualTo(32);
        assertThat(window.detector()).isEqualTo("LW");
        assertThat(window.lineId()).isEqualTo(7L);
        assertThat(window.name()).isEqualTo("O VI 103.19 nm");
        assertThat(window.yStartPx()).isEqualTo(97);
        assertThat(window.yEndPx()).isEqualTo(926);
        assertThat(window.compressionType()).isEqualTo(StudyDrafts.COMPRESSION_TYPE).isEqualTo(2);
        assertThat(window.compressionParam()).isEqualTo(StudyDrafts.COMPRESSION_PARAM).isEqualTo(26);
    }

    @Test
    void aWindowForALineAtTheDetectorEdgeStaysOnTheDetector() {
        SpectralLine edge = new SpectralLine(8, "Edge", 105.5, "LW", 1, "test");
        SpectralWindow window = StudyDrafts.windowFor(configuration, edge, 32, WindowKind.INTENSITY, fullField);
        assertThat(window.lambdaPxEnd()).isEqualTo(2048);
        assertThat(window.lambdaPxStart()).isEqualTo(2017);
        assertThat(window.kind()).isEqualTo(WindowKind.INTENSITY);
    }

    @Test
    void windowsAreCutToTheStudyRowsAndWindowsInsideAreKept() {
        SpectralWindow full = StudyDrafts.windowFor(configuration, oVi, 32, WindowKind.PROFILE,
                StudyDrafts.rows(configuration, YFieldOfView.FULL_DETECTOR));
        SpectralWindow inside = StudyDrafts.windowFor(configuration, oVi, 32, WindowKind.PROFILE, new StudyDrafts.Rows(200, 300));
        List<SpectralWindow> fitted = StudyDrafts.fitToRows(List.of(full, inside), fullField);
        assertThat(fitted.get(0).yStartPx()).isEqualTo(97);
        assertThat(fitted.get(0).yEndPx()).isEqualTo(926);
        assertThat(fitted.get(1)).isEqualTo(inside);
    }

    @Test
    void darksAndFullSpectraCalibrateAndOtherCategoriesAreScience() {
        assertThat(StudyCategory.DARK.purpose()).isEqualTo(StudyPurpose.CALIBRATION);
        assertThat(StudyCategory.FULL_SPECTRUM.purpose()).isEqualTo(StudyPurpose.CALIBRATION);
        assertThat(StudyCategory.SYNOPTIC.purpose()).isEqualTo(StudyPurpose.SCIENCE);
        assertThat(StudyCategory.DYNAMICS.purpose()).isEqualTo(StudyPurpose.SCIENCE);
    }

    @Test
    void aStudyWithoutANameGetsTheProposedOneAndATypedNameIsKept() {
        StudyParameters unnamed = Studies.synoptic().withName(" ");
        assertThat(StudyDrafts.named(unnamed, "fast").name()).isEqualTo(StudyNaming.propose(unnamed, "fast")).contains("-FAST");
        assertThat(StudyDrafts.named(Studies.synoptic(), "fast").name()).isEqualTo("SCI_SYNOPTIC_SC_SL04_60.0S_FF");
    }

    @Test
    void theEditorShowsProblemsAndTheEstimateButNotOtherNotes() {
        assertThat(StudyDrafts.shownWhileEditing(Finding.error("S1", "slitWidthArcsec", "bad slit"))).isTrue();
        assertThat(StudyDrafts.shownWhileEditing(Finding.warning("S10", null, "many windows"))).isTrue();
        assertThat(StudyDrafts.shownWhileEditing(Finding.info(StudyRules.ESTIMATE_RULE, null, "Duration 60 s"))).isTrue();
        assertThat(StudyDrafts.shownWhileEditing(Finding.info("S13", "name", "name follows the convention"))).isFalse();
    }
}
