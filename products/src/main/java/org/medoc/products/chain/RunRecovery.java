package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers product runs whose lease expired ({@link RunLease}): their node died or their command was killed mid-run.
 * Each is closed as FAILED with the reason ("abandoned: ..."), the objects it stored for a product that was never
 * catalogued are deleted (so that the retry replaces them instead of leaving duplicates beside its own), and its
 * product is scheduled again, now, as a RETRY, unless it is catalogued by now. A task still held by the dead node's
 * scheduler is left to db-scheduler, which revives it (scheduling an existing instance is a no-op).
 * Run by the recurring lease check on every executing node; concurrent checks skip each other's rows.
 */
@Component
public class RunRecovery {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final ChainRepository repository;
    private final ArchiveStore store;
    private final AuditTrail audit;

    RunRecovery(ChainRepository repository, ArchiveStore store, AuditTrail audit) {
        this.repository = repository;
        this.store = store;
        this.audit = audit;
    }

    /** Recovers every run whose lease has expired; returns them. */
    public List<ChainRepository.AbandonedRun> recover(SchedulerClient client, ChainTasks tasks) {
        List<ChainRepository.AbandonedRun> abandoned = repository.abandonExpiredRuns();
        for (ChainRepository.AbandonedRun run : abandoned) {
            int deleted = deleteUnneeded(repository, store, run.id(), run.storedKeys());
            ProductInstance product = ProductInstance.parse(run.instanceId());
            boolean rescheduled = repository.productId(product).isEmpty()
                    && client.scheduleIfNotExists(tasks.runInstance(product, RunTrigger.RETRY), Instant.now());
            audit.record("product.abandoned", "product-run", Long.toString(run.id()), null,
                    Map.of("instance", run.instanceId(), "node", String.valueOf(run.node()),
                            "objectsDeleted", deleted, "rescheduled", rescheduled),
                    "lease expired at " + run.leaseUntil());
            log.warn("Product run {} ({}) on node {} abandoned: lease expired at {}; {} stored objects deleted, {}",
                    run.id(), run.instanceId(), run.node(), run.leaseUntil(), deleted,
                    rescheduled ? "product scheduled again" : "product catalogued or already scheduled");
        }
        return abandoned;
    }

    /**
     * Deletes the objects an abandoned run stored that no catalogued product file and no RUNNING run refers to (the
     * content-addressed keys of a product made meanwhile by another run are kept); returns how many. Used by the
     * lease check and by the abandoned run itself when it finds out ({@link ProductEngine}).
     */
    static int deleteUnneeded(ChainRepository repository, ArchiveStore store, long runId, List<String> storedKeys) {
        int deleted = 0;
        Set<String> unneeded = repository.unneededKeys(storedKeys);
        for (String key : unneeded) {
            try {
                store.delete(key);
                deleted++;
            } catch (IOException e) {
                // left for medoc storage check, which reports it as an orphan
                log.warn("Could not delete {} stored by abandoned run {}: {}", key, runId, e.getMessage());
            }
        }
        return deleted;
    }
}
