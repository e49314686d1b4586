package org.medoc.archive.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * At start-up, deletes what a crashed process left half-written: the store's temporary files of objects never renamed
 * into place (in an S3 store: multipart uploads never completed), and the uploads and re-evaluation copies under {@code ${medoc.data-dir}/incoming}. A file whose writer
 * still lives (another medoc process on this machine) is kept unless older than {@code medoc.storage.incomplete-max-age}.
 */
@Component
public class StartupSweep {

    private static final Logger log = LoggerFactory.getLogger(StartupSweep.class);

    private final ArchiveStore store;
    private final Path incoming;
    private final Duration maxAge;

    public StartupSweep(ArchiveStore store, @Value("${medoc.data-dir:./medoc-data}") String dataDir,
                        @Value("${medoc.storage.incomplete-max-age:PT24H}") Duration maxAge) {
        this.store = store;
        this.incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("incoming");
        this.maxAge = maxAge;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        sweep();
    }

    /** Runs the sweep; returns how many files were deleted. */
    public int sweep() {
        int deleted = 0;
        try {
            deleted += store.sweepIncomplete(maxAge);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep the archive store's incomplete files: {}", e.getMessage());
        }
        for (String prefix : new String[] {"upload-", "reevaluate-"}) {
            try {
                deleted += IncompleteFiles.sweep(incoming, prefix, maxAge);
            } catch (IOException e) {
                log.warn("Could not sweep {}: {}", incoming, e.getMessage());
            }
        }
        if (deleted > 0) {
            log.info("Start-up sweep deleted {} incomplete files left by an earlier crash", deleted);
        }
        return deleted;
    }
}
