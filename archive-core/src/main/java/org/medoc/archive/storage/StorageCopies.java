package org.medoc.archive.storage;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.medoc.db.jooq.archive.Tables.STORAGE_COPY;

/** The journal of a storage migration: which objects were copied to which target and verified there. */
@Repository
class StorageCopies {

    private final DSLContext dsl;

    StorageCopies(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Of the given keys, those already copied to {@code target} and verified, with the size they had. */
    Map<String, Long> verified(String target, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        dsl.select(STORAGE_COPY.STORAGE_KEY, STORAGE_COPY.SIZE_BYTES).from(STORAGE_COPY)
                .where(STORAGE_COPY.TARGET.eq(target)).and(STORAGE_COPY.STORAGE_KEY.in(keys))
                .forEach(r -> found.put(r.value1(), r.value2()));
        return found;
    }

    /** Committed at once (no surrounding transaction): a copy verified before a crash stays known. */
    void recordVerified(String target, String key, String sha256, long sizeBytes) {
        dsl.insertInto(STORAGE_COPY)
                .set(STORAGE_COPY.TARGET, target)
                .set(STORAGE_COPY.STORAGE_KEY, key)
                .set(STORAGE_COPY.SHA256, sha256)
                .set(STORAGE_COPY.SIZE_BYTES, sizeBytes)
                .onConflict(STORAGE_COPY.TARGET, STORAGE_COPY.STORAGE_KEY)
                .doUpdate()
                .set(STORAGE_COPY.SHA256, sha256)
                .set(STORAGE_COPY.SIZE_BYTES, sizeBytes)
                .set(STORAGE_COPY.VERIFIED_AT, java.time.OffsetDateTime.now())
                .execute();
    }
}
