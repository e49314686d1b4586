package org.medoc.release.bench;

import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.download.ArchiveStream;
import org.medoc.archive.ingest.IngestService;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.fixity.FixityCheck;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.Release;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.packaging.ReleasePackage;
import org.medoc.release.release.ReleaseService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Release benchmark (not part of the test run): ingests generated FITS files, then measures the hot paths of the
 * release manager over them: the live selection summary of a draft (count, size, preview of 50), the freeze (every
 * file re-read with its SHA-256 verified and its SHA-512 computed), packaging into a tar (to a null stream) and one
 * fixity batch over every published file. See docs/benchmarks.md for the command.
 *
 * <p>Arguments: demo sets (default 20; 15 files each), image side in pixels (default 1024).
 */
public final class ReleaseBench {

    public static void main(String[] args) throws Exception {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path work = Files.createTempDirectory("medoc-release-bench");
        System.setProperty("medoc.data-dir", work.resolve("data").toString());
        System.setProperty("medoc.release.fixity.enabled", "false");
        System.setProperty("server.port", "0");
        System.setProperty("logging.level.root", "WARN");
        try (ConfigurableApplicationContext context = SpringApplication.run(ReleaseTestApplication.class)) {
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            List<Path> files = new ArrayList<>();
            for (int set = 0; set < sets; set++) {
                files.addAll(new DemoObservations(side, set).write(work.resolve("incoming/set-" + set), start.plusSeconds(3600L * set), 2));
            }
            long t0 = System.nanoTime();
            context.getBean(IngestService.class).ingest(files, "release bench");
            System.out.printf("ingest: %d files in %.1f s%n", files.size(), seconds(t0));

            ReleaseService releases = context.getBean(ReleaseService.class);
            SelectionRules everything = new SelectionRules(null, null,
                    List.of(new SelectionRules.TimeRange(start, start.plusSeconds(3600L * (sets + 1)))), null, null, null, null, null, null);
            double[] summaries = new double[30];
            SelectionSummary summary = null;
            for (int i = -5; i < summaries.length; i++) {
                long s = System.nanoTime();
                summary = releases.selectionSummary(everything, 50);
                if (i >= 0) {
                    summaries[i] = (System.nanoTime() - s) / 1e6;
                }
            }
            Arrays.sort(summaries);
            System.out.printf("selection summary (count, size, preview of 50): %d files, %.1f MB: median %.2f ms, p90 %.2f ms%n",
                    summary.fileCount(), summary.totalBytes() / 1e6, summaries[summaries.length / 2], summaries[summaries.length * 9 / 10]);

            String collection = "bench";
            Release draft = ReleaseFixtures.asManager(() -> releases.createDraft(new ReleaseService.NewDraft(collection, "Bench",
                    CatalogFormat.GENERIC, "1.0", ReleaseFixtures.metadata("Bench"), everything)));
            long f0 = System.nanoTime();
            Release frozen = ReleaseFixtures.asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion()));
            double freeze = seconds(f0);
            System.out.printf("freeze: %d files, %.1f MB in %.2f s: %.0f MB/s%n", frozen.fileCount(), frozen.totalBytes() / 1e6,
                    freeze, frozen.totalBytes() / 1e6 / freeze);

            long p0 = System.nanoTime();
            context.getBean(ReleasePackage.class).write(frozen, ArchiveStream.Format.TAR, OutputStream.nullOutputStream());
            double pack = seconds(p0);
            System.out.printf("package (tar): %.1f MB in %.2f s: %.0f MB/s%n", frozen.totalBytes() / 1e6, pack, frozen.totalBytes() / 1e6 / pack);

            ReleaseFixtures.asManager(() -> releases.publish(collection, "1.0", null));
            long x0 = System.nanoTime();
            FixityCheck.BatchResult result = context.getBean(FixityCheck.class).checkBatch(frozen.fileCount());
            double fixity = seconds(x0);
            System.out.printf("fixity batch: %d files, %.1f MB in %.2f s: %.0f MB/s (%d mismatches)%n", result.checked(),
                    result.bytes() / 1e6, fixity, result.bytes() / 1e6 / fixity, result.failed());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
