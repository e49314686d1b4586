package org.medoc.archive.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies every object of the store in use to the other kind of store ({@code medoc storage migrate --to s3|local}):
 * the objects of every owner, whatever their prefix. Each object is streamed (bounded memory whatever its size),
 * stored only if its bytes match the SHA-256 its record holds (a corrupted source is reported, never copied), then read
 * back from the target and hashed again. Each verified copy is journaled ({@code archive.storage_copy}) at once, so a
 * rerun after an interruption ({@code kill -9}, a lost network) skips what is already there and verified, and checks
 * by reading anything found in the target without a journal entry. The source is never changed: switching the
 * configuration to the target afterwards is the operator's step (docs/operations.md).
 */
@Service
public class StorageMigration {

    private static final Logger log = LoggerFactory.getLogger(StorageMigration.class);
    private static final int BATCH = 500;

    public enum Kind {
        LOCAL, S3;

        public static Kind of(ArchiveStore store) {
            return store instanceof S3ArchiveStore ? S3 : LOCAL;
        }

        public static Kind parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Where a migration stands, after each object.
     *
     * @param objects      objects the source holds (counted before copying)
     * @param bytes        their total size
     * @param done         objects handled so far (copied, already there, or failed)
     * @param copied       objects copied and verified by this run
     * @param alreadyThere objects found in the target, verified, and not copied again
     * @param failed       objects that could not be moved
     * @param bytesDone    size of the objects handled so far
     * @param elapsed      time since the copy started
     */
    public record Progress(long objects, long bytes, long done, long copied, long alreadyThere, long failed,
                           long bytesDone, Duration elapsed) {

        /** Bytes per second over the run so far. */
        public double bytesPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : bytesDone / seconds;
        }

        /** Remaining time at the rate so far; null before there is a rate. */
        public Duration eta() {
            double rate = bytesPerSecond();
            return rate <= 0 ? null : Duration.ofSeconds((long) Math.ceil((bytes - bytesDone) / rate));
        }
    }

    /** An object that was not moved, and why. */
    public record Failure(String key, String reason) {}

    /** What a migration did. */
    public record Report(String from, String to, Progress totals, List<Failure> failures) {
        public boolean complete() {
            return failures.isEmpty() && totals.done() == totals.objects();
        }
    }

    /** Told after every object; may throw to stop the run (what remains is done by the next run). */
    @FunctionalInterface
    public interface Listener {
        void progress(Progress progress);
    }

    private final ArchiveStore current;
    private final List<StoredObjectOwner> owners;
    private final StorageCopies copies;
    private final Environment settings;

    StorageMigration(ArchiveStore current, List<StoredObjectOwner> owners, StorageCopies copies, Environment settings) {
        this.current = current;
        this.owners = List.copyOf(owners);
        this.copies = copies;
        this.settings = settings;
    }

    /** The store in use. */
    public ArchiveStore current() {
        return current;
    }

    /**
     * The store of the other kind, as the settings describe it: {@code medoc.storage.s3.*} for S3,
     * {@code ${medoc.data-dir}/archive} for the local directory.
     */
    public ArchiveStore target(Kind to) throws IOException {
        if (to == Kind.of(current)) {
            throw new IllegalArgumentException("the archive is already stored in " + current.location());
        }
        return to == Kind.S3 ? StorageConfiguration.s3Store(settings) : StorageConfiguration.localStore(settings);
    }

    /** Copies every object of the store in use to the store of kind {@code to}. */
    public Report migrate(Kind to, Listener listener) throws IOException {
        return copy(current, target(to), listener);
    }

    /** Copies every object of {@code from} into {@code to}, verified and journaled (see the class comment). */
    public Report copy(ArchiveStore from, ArchiveStore to, Listener listener) throws IOException {
        long objects = 0;
        long bytes = 0;
        try (Stream<ArchiveStore.StoredObject> all = from.list("")) {
            for (Iterator<ArchiveStore.StoredObject> it = all.iterator(); it.hasNext(); ) {
                objects++;
                bytes += it.next().sizeBytes();
            }
        }
        Run run = new Run(from, to, objects, bytes, listener);
        log.info("Copying {} objects ({} bytes) from {} to {}", objects, bytes, from.location(), to.location());
        try (Stream<ArchiveStore.StoredObject> all = from.list("")) {
            List<ArchiveStore.StoredObject> batch = new ArrayList<>();
            for (Iterator<ArchiveStore.StoredObject> it = all.iterator(); it.hasNext(); ) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    run.batch(batch);
                    batch.clear();
                }
            }
        }
        return new Report(from.location(), to.location(), run.progress(), List.copyOf(run.failures));
    }

    private final class Run {
        final ArchiveStore from;
        final ArchiveStore to;
        final long objects;
        final long bytes;
        final Listener listener;
        final long started = System.nanoTime();
        final List<Failure> failures = new ArrayList<>();
        long done;
        long copied;
        long alreadyThere;
        long bytesDone;

        Run(ArchiveStore from, ArchiveStore to, long objects, long bytes, Listener listener) {
            this.from = from;
            this.to = to;
            this.objects = objects;
            this.bytes = bytes;
            this.listener = listener;
        }

        Progress progress() {
            return new Progress(objects, bytes, done, copied, alreadyThere, failures.size(), bytesDone,
                    Duration.ofNanos(System.nanoTime() - started));
        }

        void batch(List<ArchiveStore.StoredObject> batch) {
            List<String> keys = batch.stream().map(ArchiveStore.StoredObject::key).toList();
            Map<String, String> recorded = new HashMap<>();
            for (StoredObjectOwner owner : owners) {
                List<String> owned = keys.stream().filter(k -> owner.prefixes().stream().anyMatch(k::startsWith)).toList();
                if (!owned.isEmpty()) {
                    recorded.putAll(owner.recordedSha256(owned));
                }
            }
            Map<String, Long> journaled = copies.verified(to.location(), keys);
            for (ArchiveStore.StoredObject object : batch) {
                try {
                    move(object, recorded.get(object.key()), journaled.get(object.key()));
                } catch (IOException | RuntimeException e) {
                    failures.add(new Failure(object.key(), reason(e)));
                    log.warn("Could not move {}: {}", object.key(), reason(e));
                }
                done++;
                bytesDone += object.sizeBytes();
                listener.progress(progress());
            }
        }

        private void move(ArchiveStore.StoredObject object, String recordedSha256, Long journaledSize) throws IOException {
            String key = object.key();
            long size = object.sizeBytes();
            if (to.exists(key)) {
                if (journaledSize != null && journaledSize == size && to.size(key) == size) {
                    alreadyThere++;
                    return;
                }
                // left by an interrupted run (stored, not yet journaled) or put there otherwise: trusted once read
                String expected = recordedSha256 != null ? recordedSha256 : hashOf(from, key);
                try (VerifiedInputStream in = to.openVerified(key, expected, size)) {
                    in.verifyToEnd();
                    journal(key, expected, size);
                    alreadyThere++;
                    return;
                } catch (IntegrityException e) {
                    log.info("{} in {} differs from the source: copied again", key, to.location());
                    to.delete(key);
                }
            }
            Sha256.Measured stored;
            try (InputStream in = from.open(key)) {
                stored = to.put(key, in, size, recordedSha256);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException("deleted from the source during the migration");
            }
            if (stored == null) {
                throw new IOException("appeared in the target during the migration: rerun to verify it");
            }
            try (VerifiedInputStream back = to.openVerified(key, stored.sha256(), stored.sizeBytes())) {
                back.verifyToEnd();
            } catch (IntegrityException e) {
                to.delete(key);
                throw new IOException("the copy read back from the target differs (" + e.found() + "): deleted there", e);
            }
            journal(key, stored.sha256(), stored.sizeBytes());
            copied++;
        }

        private void journal(String key, String sha256, long size) {
            copies.recordVerified(to.location(), key, sha256, size);
        }
    }

    private static String hashOf(ArchiveStore store, String key) throws IOException {
        return Sha256.measure(store.open(key)).sha256();
    }

    private static String reason(Exception e) {
        if (e instanceof IntegrityException integrity) {
            return "the source no longer matches its record (" + integrity.found() + ", recorded "
                    + integrity.expectedSha256() + "): not copied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
