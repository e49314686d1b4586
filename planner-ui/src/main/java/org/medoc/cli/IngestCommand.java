package org.medoc.cli;

import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code medoc ingest <file-or-directory>...}: ingests on the application's own context (in parallel, the catalogue
 * written in batches), prints a progress line about once a second (files, MB, rate, ETA) and the summary, lists each quarantined or failed file with its reason, and returns a non-zero exit code
 * when anything was quarantined (1) or failed for a retryable fault of the infrastructure (3), so that scripts notice.
 */
@Component
public class IngestCommand {

    private final IngestService ingest;

    public IngestCommand(IngestService ingest) {
        this.ingest = ingest;
    }

    public int run(List<String> arguments, PrintStream out) {
        if (arguments.isEmpty()) {
            out.println("usage: medoc ingest <file-or-directory>...");
            return 2;
        }
        List<Path> paths = arguments.stream().map(Path::of).toList();
        IngestReport report;
        try {
            report = ingest.ingest(paths, "command line", progress -> out.println("… " + progress.line()));
        } catch (IOException e) {
            out.println("ingest failed: " + e.getMessage());
            return 2;
        }
        for (IngestOutcome outcome : report.outcomes()) {
            if (outcome.status() == IngestOutcome.Status.QUARANTINED) {
                out.println("quarantined " + outcome.fileName() + ": " + outcome.reason());
            } else if (outcome.status() == IngestOutcome.Status.FAILED) {
                out.println("failed " + outcome.fileName() + ": " + outcome.reason());
            }
        }
        out.println(report.summary());
        // 3: something failed for a retryable fault, run the same command again later (already ingested files are skipped)
        return report.failed() > 0 ? 3 : report.quarantined() > 0 ? 1 : 0;
    }
}
