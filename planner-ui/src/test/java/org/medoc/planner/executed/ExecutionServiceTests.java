package org.medoc.planner.executed;

import org.junit.jupiter.api.Test;
import org.medoc.TestData;
import org.medoc.archive.ingest.IngestService;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineService;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan versus executed on the real SPICE sample files of testdata/fits (June 2020): the sit-and-stare file names
 * its study (CAL_FULLSP-PREP_TS_SL04_0.5S_FD, also a demo study); the raster file is a commissioning file whose planning
 * keywords are "MISSING" sentinels.
 */
@PlanningIntegrationTest
class ExecutionServiceTests {

    @Autowired IngestService ingest;
    @Autowired ExecutionService executions;
    @Autowired TimelineService timeline;
    @Autowired PeriodService periods;
    @Autowired StudyService studies;

    private void ingestSpiceSamples() throws Exception {
        try (var files = Files.list(TestData.fits())) {
            ingest.ingest(files.filter(p -> p.getFileName().toString().startsWith("solo_L2_spice")).toList(), "test");
        }
    }

    private StudyDetail demoStudy(String name) {
        return studies.list(name, null).stream().filter(s -> s.study().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRealSitAndStareFileMatchesItsPlannedStudyByNameAndAMissedRunIsReported() throws Exception {
        ingestSpiceSamples();
        Period stp100 = periods.ensureStp(100);
        assertThat(stp100.start()).isEqualTo(Instant.parse("2020-06-15T00:00:00Z"));
        long fullSpectrum = demoStudy("CAL_FULLSP-PREP_TS_SL04_0.5S_FD").study().id();
        long synoptic = demoStudy("SCI_SYNOPTIC_SC_SL04_60.0S_FF").study().id();
        long planned = timeline.insert(stp100.id(), EntryInput.of(fullSpectrum, Instant.parse("2020-06-20T23:50:00Z"), 1), null, null, "planner");
        long missed = timeline.insert(stp100.id(), EntryInput.of(synoptic, Instant.parse("2020-06-18T10:00:00Z"), 1), null, null, "planner");

        ExecutionMatcher.Report report = executions.report(stp100.id());
        ExecutionMatcher.EntryResult executed = report.entries().stream().filter(e -> e.entry().entryId() == planned).findFirst().orElseThrow();
        assertThat(executed.outcome()).isEqualTo(ExecutionMatcher.Outcome.EXECUTED);
        assertThat(executed.basis()).isEqualTo(ExecutionMatcher.MatchBasis.STUDY_NAME);
        assertThat(executed.execution().spiobsid()).isEqualTo(16777431L);
        assertThat(executed.startOffsetSeconds()).isEqualTo(541);
        assertThat(report.entries().stream().filter(e -> e.entry().entryId() == missed).findFirst().orElseThrow().outcome())
                .isEqualTo(ExecutionMatcher.Outcome.MISSING);
        assertThat(report.completeness()).isEqualTo(0.5);
        assertThat(report.unplanned()).isEmpty();
    }

    @Test
    void aCommissioningFileWithoutPlanIsUnplannedAndMatchesOnTimeOnceItIs() throws Exception {
        ingestSpiceSamples();
        Period stp98 = periods.ensureStp(98);
        assertThat(executions.report(stp98.id()).unplanned()).extracting(ExecutionMatcher.Execution::spiobsid).containsExactly(12583760L);
        long synoptic = demoStudy("SCI_SYNOPTIC_SC_SL04_60.0S_FF").study().id();
        timeline.insert(stp98.id(), EntryInput.of(synoptic, Instant.parse("2020-06-02T08:15:00Z"), 1), null, null, "planner");
        ExecutionMatcher.Report report = executions.report(stp98.id());
        assertThat(report.entries().getFirst().basis()).isEqualTo(ExecutionMatcher.MatchBasis.TIME_ONLY);
        assertThat(report.unplanned()).isEmpty();
        assertThat(report.completeness()).isEqualTo(1.0);
    }
}
