package org.medoc.release.fixity;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.medoc.db.jooq.releases.Tables.FIXITY_STATUS;
import static org.medoc.db.jooq.releases.Tables.RELEASE;
import static org.medoc.db.jooq.releases.Tables.RELEASE_FILE;

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
    private final DSLContext dsl;
    private final ArchiveStore store;
    private final int batchSize;
    private final boolean enabled;

    public FixityCheck(DSLContext dsl, ArchiveStore store,
                       @Value("${medoc.release.fixity.batch-size:200}") int batchSize,
                       @Value("${medoc.release.fixity.enabled:true}") boolean enabled) {
        this.dsl = dsl;
        this.store = store;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    /** What one batch did. */
    public record BatchResult(int checked, int failed, long bytes) {}

    /** One file whose last check failed. */
    public record Failure(String collection, String version, String packagePath, String storageKey, String expectedSha256,
                          String actualSha256, long expectedSize, Long actualSize, String detail, Instant checkedAt) {}

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

    /** Re-hashes up to {@code limit} files of published releases, least recently checked first. */
    public BatchResult checkBatch(int limit) {
        var batch = dsl.select(RELEASE_FILE.RELEASE_ID, RELEASE_FILE.PACKAGE_PATH, RELEASE_FILE.STORAGE_KEY,
                        RELEASE_FILE.SHA256, RELEASE_FILE.SIZE_BYTES, RELEASE.COLLECTION, RELEASE.VERSION)
                .from(RELEASE_FILE)
                .join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID))
                .leftJoin(FIXITY_STATUS).on(FIXITY_STATUS.RELEASE_ID.eq(RELEASE_FILE.RELEASE_ID)
                        .and(FIXITY_STATUS.PACKAGE_PATH.eq(RELEASE_FILE.PACKAGE_PATH)))
                .where(RELEASE.STATE.eq("PUBLISHED"))
                .orderBy(FIXITY_STATUS.CHECKED_AT.asc().nullsFirst(), RELEASE_FILE.RELEASE_ID, RELEASE_FILE.PACKAGE_PATH)
                .limit(limit)
                .fetch();
        int failed = 0;
        long bytes = 0;
        for (Record file : batch) {
            String expectedSha = file.get(RELEASE_FILE.SHA256);
            long expectedSize = file.get(RELEASE_FILE.SIZE_BYTES);
            String actualSha = null;
            Long actualSize = null;
            String detail = null;
            try {
                Sha256.Measured stored = Sha256.measure(store.open(file.get(RELEASE_FILE.STORAGE_KEY)));
                actualSha = stored.sha256();
                actualSize = stored.sizeBytes();
                bytes += actualSize;
            } catch (IOException e) {
                detail = "cannot read the stored object: " + e.getMessage();
            }
            boolean ok = detail == null && expectedSha.equals(actualSha) && actualSize == expectedSize;
            if (!ok) {
                failed++;
                if (detail == null) {
                    detail = "stored object differs from the frozen record (sha256 " + actualSha + ", " + actualSize
                            + " bytes; expected " + expectedSha + ", " + expectedSize + " bytes)";
                }
                log.error("fixity mismatch in release {} {}: {} ({}): {}", file.get(RELEASE.COLLECTION), file.get(RELEASE.VERSION),
                        file.get(RELEASE_FILE.PACKAGE_PATH), file.get(RELEASE_FILE.STORAGE_KEY), detail);
            }
            dsl.insertInto(FIXITY_STATUS)
                    .set(FIXITY_STATUS.RELEASE_ID, file.get(RELEASE_FILE.RELEASE_ID))
                    .set(FIXITY_STATUS.PACKAGE_PATH, file.get(RELEASE_FILE.PACKAGE_PATH))
                    .set(FIXITY_STATUS.CHECKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .set(FIXITY_STATUS.OK, ok)
                    .set(FIXITY_STATUS.ACTUAL_SHA256, actualSha)
                    .set(FIXITY_STATUS.ACTUAL_SIZE, actualSize)
                    .set(FIXITY_STATUS.DETAIL, detail)
                    .onConflict(FIXITY_STATUS.RELEASE_ID, FIXITY_STATUS.PACKAGE_PATH).doUpdate()
                    .set(FIXITY_STATUS.CHECKED_AT, DSL.excluded(FIXITY_STATUS.CHECKED_AT))
                    .set(FIXITY_STATUS.OK, DSL.excluded(FIXITY_STATUS.OK))
                    .set(FIXITY_STATUS.ACTUAL_SHA256, DSL.excluded(FIXITY_STATUS.ACTUAL_SHA256))
                    .set(FIXITY_STATUS.ACTUAL_SIZE, DSL.excluded(FIXITY_STATUS.ACTUAL_SIZE))
                    .set(FIXITY_STATUS.DETAIL, DSL.excluded(FIXITY_STATUS.DETAIL))
                    .execute();
        }
        return new BatchResult(batch.size(), failed, bytes);
    }

    /** Files whose last check failed, for the admin page. */
    public List<Failure> failures() {
        return dsl.select(RELEASE.COLLECTION, RELEASE.VERSION, RELEASE_FILE.PACKAGE_PATH, RELEASE_FILE.STORAGE_KEY,
                        RELEASE_FILE.SHA256, FIXITY_STATUS.ACTUAL_SHA256, RELEASE_FILE.SIZE_BYTES, FIXITY_STATUS.ACTUAL_SIZE,
                        FIXITY_STATUS.DETAIL, FIXITY_STATUS.CHECKED_AT)
                .from(FIXITY_STATUS)
                .join(RELEASE_FILE).on(RELEASE_FILE.RELEASE_ID.eq(FIXITY_STATUS.RELEASE_ID)
                        .and(RELEASE_FILE.PACKAGE_PATH.eq(FIXITY_STATUS.PACKAGE_PATH)))
                .join(RELEASE).on(RELEASE.ID.eq(FIXITY_STATUS.RELEASE_ID))
                .where(FIXITY_STATUS.OK.isFalse())
                .orderBy(FIXITY_STATUS.CHECKED_AT.desc())
                .fetch(r -> new Failure(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10().toInstant()));
    }

    /** How many files of published releases have been checked, and how many are still waiting for their first check. */
    public record Coverage(long filesChecked, long filesNeverChecked, Instant oldestCheck) {}

    public Coverage coverage() {
        long total = dsl.fetchCount(RELEASE_FILE.join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID)), RELEASE.STATE.eq("PUBLISHED"));
        long checked = dsl.fetchCount(FIXITY_STATUS.join(RELEASE).on(RELEASE.ID.eq(FIXITY_STATUS.RELEASE_ID)), RELEASE.STATE.eq("PUBLISHED"));
        OffsetDateTime oldest = dsl.select(DSL.min(FIXITY_STATUS.CHECKED_AT)).from(FIXITY_STATUS).fetchOne(0, OffsetDateTime.class);
        return new Coverage(checked, total - checked, oldest == null ? null : oldest.toInstant());
    }
}
