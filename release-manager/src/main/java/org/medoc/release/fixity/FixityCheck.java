package org.medoc.release.fixity;

import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.IntegrityException;
import org.medoc.release.model.FixityCoverage;
import org.medoc.release.model.FixityFailure;
import org.medoc.release.model.FixityTarget;
import org.medoc.release.release.ReleaseFixity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;

/**
 * Periodic fixity check: re-hashes the stored files of published releases in batches, those never checked first,
 * then the longest unchecked, and records each result. A mismatch (changed bytes, wrong size, missing object) is
 * logged as an error and listed by {@link #failures()} for the admin page. Runs every
 * {@code medoc.release.fixity.interval} (default 10 minutes) with {@code medoc.release.fixity.batch-size} files
 * (default 200); {@code medoc.release.fixity.enabled=false} turns the schedule off. Each file is checked
 * independently, so a run that stops half-way loses nothing.
 */
@Service
public class FixityCheck {

    private static final Logger log = LoggerFactory.getLogger(FixityCheck.class);
    private final ReleaseFixity records;
    private final ArchiveStore store;
    private final int batchSize;
    private final boolean enabled;

    public FixityCheck(ReleaseFixity records, ArchiveStore store,
                       @Value("${medoc.release.fixity.batch-size:200}") int batchSize,
                       @Value("${medoc.release.fixity.enabled:true}") boolean enabled) {
        this.records = records;
        this.store = store;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    /** What one batch did. */
    public record BatchResult(int checked, int failed, long bytes) {}

    @Scheduled(fixedDelayString = "${medoc.release.fixity.interval:PT10M}", initialDelayString = "${medoc.release.fixity.initial-delay:PT2M}")
    void scheduled() {
        if (enabled) {
            BatchResult result = checkBatch(batchSize);
            if (result.checked() > 0) {
                log.info("fixity: {} files ({} bytes) of published releases re-hashed, {} mismatches", result.checked(),
                        result.bytes(), result.failed());
            }
        }
    }

    /**
     * Re-hashes up to {@code limit} files of published releases, least recently checked first, through the archive's
     * verified read ({@link ArchiveStore#openVerified}): a mismatch is its {@link IntegrityException}.
     */
    public BatchResult checkBatch(int limit) {
        List<FixityTarget> batch = records.due(limit);
        int failed = 0;
        long bytes = 0;
        for (FixityTarget file : batch) {
            String actualSha = null;
            Long actualSize = null;
            String detail = null;
            try (var stored = store.openVerified(file.storageKey(), file.sha256(), file.sizeBytes())) {
                stored.verifyToEnd();
                actualSha = stored.verifiedSha256();
                actualSize = stored.bytesRead();
            } catch (IntegrityException mismatch) {
                actualSha = mismatch.actualSha256();
                actualSize = mismatch.actualSizeBytes();
                detail = "stored object differs from the frozen record (" + mismatch.found() + "; expected "
                        + file.sha256() + ", " + file.sizeBytes() + " bytes)";
            } catch (IOException e) {
                detail = "cannot read the stored object: " + e.getMessage();
            }
            if (actualSize != null) {
                bytes += actualSize;
            }
            boolean ok = detail == null;
            if (!ok) {
                failed++;
                log.error("fixity mismatch in release {} {}: {} ({}): {}", file.collection(), file.version(),
                        file.packagePath(), file.storageKey(), detail);
            }
            records.record(file, ok, actualSha, actualSize, detail);
        }
        return new BatchResult(batch.size(), failed, bytes);
    }

    /** Files whose last check failed, for the admin page. */
    public List<FixityFailure> failures() {
        return records.failures();
    }

    /** How many files of published releases have been checked, and how many are still waiting for their first check. */
    public FixityCoverage coverage() {
        return records.coverage();
    }
}
