package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.medoc.archive.storage.StoredObjectOwner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.archive.Tables.QUARANTINE;

/** The objects ingest stores: observation files, their quicklooks, and the kept bytes of quarantined files. */
@Component
class ArchiveObjects implements StoredObjectOwner {

    private final DSLContext dsl;

    ArchiveObjects(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> prefixes() {
        return Set.of("fits/", "quicklook/", "quarantine/");
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        found.addAll(dsl.select(OBSERVATION.STORAGE_KEY).from(OBSERVATION).where(OBSERVATION.STORAGE_KEY.in(keys))
                .fetch(OBSERVATION.STORAGE_KEY));
        found.addAll(dsl.select(OBSERVATION.QUICKLOOK_KEY).from(OBSERVATION).where(OBSERVATION.QUICKLOOK_KEY.in(keys))
                .fetch(OBSERVATION.QUICKLOOK_KEY));
        found.addAll(dsl.select(QUARANTINE.STORAGE_KEY).from(QUARANTINE).where(QUARANTINE.STORAGE_KEY.in(keys))
                .fetch(QUARANTINE.STORAGE_KEY));
        return found;
    }

    /** Observation files and quarantined bytes are recorded with their SHA-256; quicklooks are not. */
    @Override
    public Map<String, String> recordedSha256(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        dsl.select(OBSERVATION.STORAGE_KEY, OBSERVATION.SHA256).from(OBSERVATION).where(OBSERVATION.STORAGE_KEY.in(keys))
                .forEach(r -> found.put(r.value1(), r.value2().trim()));
        dsl.select(QUARANTINE.STORAGE_KEY, QUARANTINE.SHA256).from(QUARANTINE).where(QUARANTINE.STORAGE_KEY.in(keys))
                .forEach(r -> found.put(r.value1(), r.value2().trim()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachReferenced(Consumer<String> each) {
        try (var keys = dsl.select(OBSERVATION.STORAGE_KEY).from(OBSERVATION).fetchSize(1000).fetchLazy()) {
            keys.forEach(r -> each.accept(r.value1()));
        }
        try (var keys = dsl.select(OBSERVATION.QUICKLOOK_KEY).from(OBSERVATION).where(OBSERVATION.QUICKLOOK_KEY.isNotNull())
                .fetchSize(1000).fetchLazy()) {
            keys.forEach(r -> each.accept(r.value1()));
        }
        try (var keys = dsl.select(QUARANTINE.STORAGE_KEY).from(QUARANTINE).where(QUARANTINE.STORAGE_KEY.isNotNull())
                .fetchSize(1000).fetchLazy()) {
            keys.forEach(r -> each.accept(r.value1()));
        }
    }
}
