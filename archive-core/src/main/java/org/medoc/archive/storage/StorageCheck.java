package org.medoc.archive.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares the archive store with the records that refer to it ({@code medoc storage check}): objects no record
 * refers to (orphans: e.g. left by a crash between storing a file and committing its row) and records whose object is
 * missing. Orphans may be deleted; only those older than {@code medoc.storage.orphan-min-age}, so that a file stored by
 * an ingest still in progress (stored, row not yet committed) is never taken for one.
 */
@Service
public class StorageCheck {

    private static final Logger log = LoggerFactory.getLogger(StorageCheck.class);
    private static final int BATCH = 1000;

    /**
     * What the check found.
     *
     * @param objectsChecked objects listed under the owned prefixes
     * @param orphans        keys of objects no record refers to
     * @param missing        keys that records refer to but the store lacks
     * @param deleted        orphans deleted (with {@code delete})
     * @param youngOrphans   orphans kept because they are younger than the minimum age
     * @param unowned        objects under prefixes no owner claims (reported by prefix, with their count)
     */
    public record Report(long objectsChecked, List<String> orphans, List<String> missing, int deleted,
                         List<String> youngOrphans, Map<String, Long> unowned) {

        public boolean clean() {
            return orphans.isEmpty() && missing.isEmpty();
        }
    }

    private final ArchiveStore store;
    private final List<StoredObjectOwner> owners;
    private final Duration orphanMinAge;

    public StorageCheck(ArchiveStore store, List<StoredObjectOwner> owners,
                        @Value("${medoc.storage.orphan-min-age:PT1H}") Duration orphanMinAge) {
        this.store = store;
        this.owners = List.copyOf(owners);
        this.orphanMinAge = orphanMinAge;
    }

    /**
     * Runs the check over the whole store.
     *
     * @param delete whether to delete the orphans older than the minimum age
     */
    public Report run(boolean delete) throws IOException {
        return run(delete, orphanMinAge);
    }

    /** As {@link #run(boolean)}, with the given minimum age of an orphan. */
    public Report run(boolean delete, Duration orphanMinAge) throws IOException {
        Instant youngerThan = Instant.now().minus(orphanMinAge);
        long checked = 0;
        List<String> orphans = new ArrayList<>();
        List<String> young = new ArrayList<>();
        int deleted = 0;
        for (StoredObjectOwner owner : owners) {
            for (String prefix : owner.prefixes()) {
                try (Stream<ArchiveStore.StoredObject> listed = store.list(prefix)) {
                    Iterator<ArchiveStore.StoredObject> it = listed.iterator();
                    List<ArchiveStore.StoredObject> batch = new ArrayList<>();
                    while (it.hasNext()) {
                        batch.add(it.next());
                        checked++;
                        if (batch.size() == BATCH || !it.hasNext()) {
                            Set<String> referenced = owner.referenced(batch.stream().map(ArchiveStore.StoredObject::key).toList());
                            for (ArchiveStore.StoredObject object : batch) {
                                if (referenced.contains(object.key())) {
                                    continue;
                                }
                                if (object.lastModified() != null && object.lastModified().isAfter(youngerThan)) {
                                    young.add(object.key());
                                    continue;
                                }
                                orphans.add(object.key());
                                if (delete && owner.referenced(List.of(object.key())).isEmpty()) {
                                    store.delete(object.key());
                                    deleted++;
                                    log.info("Deleted orphan object {}", object.key());
                                }
                            }
                            batch.clear();
                        }
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (StoredObjectOwner owner : owners) {
            List<IOException> failures = new ArrayList<>();
            owner.forEachReferenced(key -> {
                try {
                    if (!store.exists(key)) {
                        missing.add(key);
                    }
                } catch (IOException e) {
                    failures.add(e);
                }
            });
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
        }
        return new Report(checked, orphans, missing, deleted, young, unowned());
    }

    /** Objects under top-level prefixes that no owner claims: reported so that nothing is silently unchecked. */
    private Map<String, Long> unowned() throws IOException {
        Set<String> owned = new TreeSet<>();
        owners.forEach(o -> owned.addAll(o.prefixes()));
        Map<String, Long> unowned = new LinkedHashMap<>();
        try (Stream<ArchiveStore.StoredObject> all = store.list("")) {
            all.map(ArchiveStore.StoredObject::key)
                    .filter(key -> owned.stream().noneMatch(key::startsWith))
                    .forEach(key -> unowned.merge(key.contains("/") ? key.substring(0, key.indexOf('/') + 1) : key, 1L, Long::sum));
        }
        return unowned;
    }
}
