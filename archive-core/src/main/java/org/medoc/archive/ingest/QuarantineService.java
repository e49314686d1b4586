package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static org.medoc.db.jooq.archive.Tables.QUARANTINE;

/** The files ingest refused, newest first, with their reasons: what an archivist reviews. */
@Service
@Transactional(readOnly = true)
public class QuarantineService {

    /**
     * A refused file. {@code bytesKept} says whether its bytes are kept in quarantine, which a re-evaluation
     * ({@link IngestService#reevaluate}) needs.
     */
    public record QuarantinedFile(long id, String fileName, long sizeBytes, String sha256, String reason,
                                  Instant quarantinedAt, String source, boolean bytesKept) {}

    private final DSLContext dsl;

    public QuarantineService(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<QuarantinedFile> recent(int offset, int limit) {
        return dsl.selectFrom(QUARANTINE)
                .orderBy(QUARANTINE.QUARANTINED_AT.desc(), QUARANTINE.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new QuarantinedFile(r.getId(), r.getFileName(), r.getSizeBytes(), r.getSha256(), r.getReason(),
                        r.getQuarantinedAt().toInstant(), r.getIngestSource(), r.getStorageKey() != null));
    }

    public int count() {
        return dsl.fetchCount(QUARANTINE);
    }
}
