package org.medoc.products;

import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Ingests the demo generator's AIA six-channel sets (channel n observed 2n seconds after the set's start) into the test
 * catalogue; each test class uses its own day so that classes sharing a context do not see each other's data.
 */
public final class DemoArchive {
    private DemoArchive() {
    }

    public static IngestReport ingest(IngestService ingest, Instant start, int aiaSets) {
        try {
            Path directory = Files.createTempDirectory("medoc-demo-");
            return ingest.ingest(new DemoObservations(64, start.getEpochSecond()).write(directory, start, aiaSets), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
