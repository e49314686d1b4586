package org.medoc.ui.ingest;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.ingest.QuarantineService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingest view's quarantine on the real application and database, without a browser: re-evaluation. */
@PlanningIntegrationTest
@ViewPackages(classes = IngestView.class)
class IngestViewTests extends SpringBrowserlessTest {

    @Autowired IngestService ingest;
    @Autowired QuarantineService quarantine;
    @Autowired org.medoc.archive.ingest.IngestActivity activity;
    @TempDir Path dir;

    /** A header-only FITS file naming an instrument the registry does not know. */
    private Path unknownInstrument(String name) throws Exception {
        StringBuilder header = new StringBuilder();
        for (String card : new String[] {"SIMPLE  =                    T", "BITPIX  =                    8",
                "NAXIS   =                    0", "INSTRUME= 'NEWCAM  '", "DATE-OBS= '2012-07-01T10:00:00'",
                "OBJECT  = '" + name + "'", "END"}) {
            header.append(String.format("%-80s", card));
        }
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        return Files.writeString(dir.resolve(name), header, StandardCharsets.US_ASCII);
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void reevaluatingAQuarantinedFileShowsItsNewOutcomeAndKeepsItWhenStillRefused() throws Exception {
        IngestOutcome refused = ingest.ingestFile(unknownInstrument("newcam-view.fits"), "newcam-view.fits", "test");
        assertThat(refused.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        QuarantineService.QuarantinedFile file = quarantine.recent(0, 100).stream()
                .filter(q -> q.sha256().equals(refused.sha256())).findFirst().orElseThrow();
        assertThat(file.bytesKept()).isTrue();
        IngestView view = navigate(IngestView.class);

        // the quarantine grid's button for this file (rendered per row on the client)
        Button button = view.reevaluateButton(file);
        assertThat(button.isEnabled()).isTrue();
        button.click();

        assertThat(view.results.getListDataView().getItems())
                .singleElement()
                .satisfies(outcome -> {
                    assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
                    assertThat(outcome.reason()).startsWith("unknown instrument: INSTRUME='NEWCAM'");
                });
        assertThat(quarantine.recent(0, 100)).extracting(QuarantineService.QuarantinedFile::sha256).contains(refused.sha256());
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void aRunningBatchIngestIsShownWithFilesMegabytesRateAndEta() {
        long run = activity.start("command line", new org.medoc.archive.ingest.IngestProgress(30, 120, 375_000_000L,
                1_500_000_000L, 30, 0, 0, 0, java.time.Duration.ofSeconds(3)));
        try {
            IngestView view = navigate(IngestView.class);
            view.refreshRunning();

            assertThat(view.running.isVisible()).isTrue();
            assertThat(view.running.getElement().getTextRecursively())
                    .contains("Running ingest (command line): 30/120 files, 375.0 MB/1.50 GB, 125.0 MB/s, 10.0 files/s, ETA 0:09");
        } finally {
            activity.end(run);
        }
    }
}
