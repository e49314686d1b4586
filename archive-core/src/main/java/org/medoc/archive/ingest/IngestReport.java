package org.medoc.archive.ingest;

import java.util.List;

/** The outcome of an ingest run, file by file, with the counts a person reads first. */
public record IngestReport(int ingested, int skipped, int quarantined, int failed, List<IngestOutcome> outcomes) {

    public IngestReport {
        outcomes = List.copyOf(outcomes);
    }

    public static IngestReport of(List<IngestOutcome> outcomes) {
        int ingested = 0;
        int skipped = 0;
        int quarantined = 0;
        int failed = 0;
        for (IngestOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case INGESTED -> ingested++;
                case SKIPPED -> skipped++;
                case QUARANTINED -> quarantined++;
                case FAILED -> failed++;
            }
        }
        return new IngestReport(ingested, skipped, quarantined, failed, outcomes);
    }

    /** The summary line of the command-line ingest. */
    public String summary() {
        return "ingested " + ingested + ", skipped " + skipped + " (already present), quarantined " + quarantined
                + (failed == 0 ? "" : ", failed " + failed + " (retry later)");
    }
}
