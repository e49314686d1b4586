package org.medoc.products.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.medoc.audit.AuditTrail;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductInstance;
import org.medoc.products.chain.RecipeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Reprocessing campaigns, the public service: start "reprocess type P at version V over [from, to]", follow its
 * progress, cancel it (items not yet started are not started, running ones finish), resume it (cancelled and failed
 * items go back to the queue). The work itself is done by {@link CampaignTasks} on every executing node; this
 * service only writes the campaign's state, which is all a node needs to carry on after a restart. Start, cancel and
 * resume are recorded in the audit trail with the campaign in the same transaction.
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    /** Items listed with a campaign's detail (its failures): enough to see what went wrong, the rest is in the Runs. */
    public static final int LISTED_ITEMS = 50;

    private final CampaignRepository repository;
    private final RecipeRegistry recipes;
    private final CampaignTasks tasks;
    private final SchedulerClient client;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    public CampaignService(CampaignRepository repository, RecipeRegistry recipes, CampaignTasks tasks, SchedulerClient client,
                           TransactionTemplate transaction, AuditTrail audit) {
        this.repository = repository;
        this.recipes = recipes;
        this.tasks = tasks;
        this.client = client;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** What to reprocess: a product type, the version to make (null: the current one) and the interval. */
    public record CampaignRequest(String type, String version, Instant from, Instant to) {}

    /**
     * Starts a campaign as the current user ({@link AuditTrail#currentActor()}).
     *
     * @throws ProductChain.UnknownProductTypeException no recipe makes the type
     * @throws IllegalArgumentException                 the version is not installed, or from is after to
     */
    public Campaign start(CampaignRequest request) {
        return start(request, AuditTrail.currentActor());
    }

    /** Starts a campaign for a named actor (the command line, which has no logged-in user). */
    public Campaign start(CampaignRequest request, String actor) {
        String type = request.type() == null ? null : request.type().trim();
        if (type == null || recipes.current(type).isEmpty()) {
            throw new ProductChain.UnknownProductTypeException(String.valueOf(type), recipes.types());
        }
        String version = request.version() == null || request.version().isBlank()
                ? recipes.current(type).orElseThrow().version() : ProductInstance.checkVersion(request.version().trim());
        if (recipes.find(type, version).isEmpty()) {
            throw new UnknownVersionException(type, version, recipes.productType(type).orElseThrow().versions());
        }
        if (request.from() == null || request.to() == null || request.from().isAfter(request.to())) {
            throw new IllegalArgumentException("a campaign needs from <= to, was " + request.from() + " to " + request.to());
        }
        // PostgreSQL keeps microseconds and rounds the rest: an end of day of 23:59:59.999999999 would be stored as the
        // next midnight and take in that day's first set, so the interval is cut to microseconds first
        Instant from = request.from().truncatedTo(ChronoUnit.MICROS);
        Instant to = request.to().truncatedTo(ChronoUnit.MICROS);
        long id = transaction.execute(status -> {
            long created = repository.insert(type, version, from, to, actor);
            audit.recordAs(actor, "product.campaign-started", "product-campaign", Long.toString(created), null,
                    Map.of("type", type, "version", version, "from", from.toString(), "to", to.toString()), null);
            return created;
        });
        log.info("Campaign {} started by {}: {} {} from {} to {}", id, actor, type, version, from, to);
        feedNow();
        return campaign(id);
    }

    /** A campaign with its progress now. */
    public Campaign campaign(long id) {
        CampaignRepository.Row row = repository.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
        return withProgress(row, repository.counts(id));
    }

    /** A page of campaigns, newest first, with their progress. */
    public CampaignPage campaigns(int page, int size) {
        List<CampaignRepository.Row> rows = repository.page(page * size, size);
        Map<Long, Map<ItemStatus, Long>> counts = repository.counts(rows.stream().map(CampaignRepository.Row::id).toList());
        return new CampaignPage(repository.count(), rows.stream()
                .map(row -> withProgress(row, counts.getOrDefault(row.id(), Map.of()))).toList());
    }

    public record CampaignPage(long total, List<Campaign> items) {}

    /** A campaign's items of one state (all states: null), in reference-time order, at most {@link #LISTED_ITEMS}. */
    public List<CampaignItem> items(long id, ItemStatus status) {
        repository.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
        return repository.items(id, status, LISTED_ITEMS);
    }

    /**
     * Cancels an enumerating or running campaign: its items not yet started are CANCELLED (a queued task finds its
     * campaign cancelled and does nothing); items running finish.
     *
     * @throws CampaignStateException the campaign is not active
     */
    public Campaign cancel(long id) {
        CampaignRepository.Row before = repository.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
        transaction.executeWithoutResult(status -> {
            if (!repository.cancel(id)) {
                throw new CampaignStateException("campaign " + id + " is " + before.status().name().toLowerCase()
                        + ": only an enumerating or running campaign can be cancelled");
            }
            int cancelled = repository.cancelWaitingItems(id);
            audit.record("product.campaign-cancelled", "product-campaign", Long.toString(id),
                    Map.of("status", before.status().name()), Map.of("status", CampaignStatus.CANCELLED.name(), "itemsCancelled", cancelled), null);
        });
        return campaign(id);
    }

    /**
     * Resumes a cancelled or finished campaign: cancelled and failed items are queued again, enumeration continues
     * where it stopped. A restart of the application needs no resume: an active campaign simply goes on.
     *
     * @throws CampaignStateException the campaign is active, or finished with nothing left to do
     */
    public Campaign resume(long id) {
        CampaignRepository.Row before = repository.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
        transaction.executeWithoutResult(status -> {
            Map<ItemStatus, Long> counts = repository.counts(id);
            boolean nothingLeft = counts.getOrDefault(ItemStatus.CANCELLED, 0L) + counts.getOrDefault(ItemStatus.FAILED, 0L) == 0
                    && !before.enumeratedTo().isBefore(before.to());
            if (before.status() == CampaignStatus.FINISHED && nothingLeft) {
                throw new CampaignStateException("campaign " + id + " finished with no failed or cancelled item: nothing to resume");
            }
            if (!repository.resume(id)) {
                throw new CampaignStateException("campaign " + id + " is " + before.status().name().toLowerCase()
                        + ": only a cancelled or finished campaign can be resumed");
            }
            int requeued = repository.requeueStoppedItems(id);
            audit.record("product.campaign-resumed", "product-campaign", Long.toString(id),
                    Map.of("status", before.status().name()), Map.of("itemsRequeued", requeued), null);
        });
        feedNow();
        return campaign(id);
    }

    private Campaign withProgress(CampaignRepository.Row row, Map<ItemStatus, Long> counts) {
        Instant now = Instant.now();
        Instant windowStart = now.minus(CampaignProgress.RATE_WINDOW);
        Instant since = row.resumedAt().isAfter(windowStart) ? row.resumedAt() : windowStart;
        boolean active = row.status().active();
        long recent = active ? repository.finishedSince(row.id(), since) : 0;
        return new Campaign(row.id(), row.type(), row.version(), row.from(), row.to(), row.status(), row.enumeratedTo(),
                row.requestedBy(), row.createdAt(), row.resumedAt(), row.finishedAt(),
                CampaignProgress.of(counts, recent, since, now, active));
    }

    /** Runs the feeder at once instead of at its next interval; without an executing node yet, it runs when one starts. */
    private void feedNow() {
        try {
            client.reschedule(tasks.feedInstance(), Instant.now());
        } catch (RuntimeException e) {
            log.debug("the campaign feeder is not scheduled yet (no executing node has started): {}", e.getMessage());
        }
    }

    public static class CampaignNotFoundException extends RuntimeException {
        public CampaignNotFoundException(long id) {
            super("no product campaign " + id);
        }
    }

    /** Cancel or resume asked of a campaign in the wrong state (409). */
    public static class CampaignStateException extends RuntimeException {
        public CampaignStateException(String message) {
            super(message);
        }
    }

    /** A version of an installed type that no installed recipe makes. */
    public static class UnknownVersionException extends IllegalArgumentException {
        public UnknownVersionException(String type, String version, List<String> installed) {
            super("version '" + version + "' of " + type + " is not installed; installed versions: " + String.join(", ", installed));
        }
    }
}
