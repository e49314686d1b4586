package org.medoc.products.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.medoc.audit.AuditTrail;
import org.medoc.products.chain.ChainTaskExtension;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.ProductEngine;
import org.medoc.products.chain.ProductInstance;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeRegistry;
import org.medoc.products.chain.RunOutcome;
import org.medoc.products.chain.RunStatus;
import org.medoc.products.chain.RunTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaigns' two db-scheduler tasks, run by the product chains' schedulers on every executing node
 * ({@link ChainTaskExtension}): no queue of their own, the shared database's {@code scheduled_tasks} is the queue.
 * <ul>
 *   <li>{@value #FEED_TASK}, recurring every {@code medoc.products.campaigns.feed-interval} (one row: one node feeds at
 *   a time): for each active campaign, enumerates the next windows of its interval into items, tops its queue up to
 *   {@code in-flight} item tasks, and closes it when every item is done.</li>
 *   <li>{@value #ITEM_TASK}, one instance per item, id {@code <campaign>:<product instance>}: claims the item (unless
 *   the campaign was cancelled meanwhile), makes the product through the {@link ProductEngine} (a product of that
 *   version already catalogued is SKIPPED, never made twice) and records the outcome. A failure is the item's
 *   outcome, FAILED with its reason, not a task failure: the campaign counts it and goes on.</li>
 * </ul>
 * Items are scheduled before they are marked QUEUED, so a crash in between leaves a PENDING item whose task exists
 * (scheduling it again is a no-op), never a QUEUED item without a task.
 */
public final class CampaignTasks implements ChainTaskExtension {

    public static final String FEED_TASK = "campaign-feed";
    public static final String ITEM_TASK = "campaign-item";
    private static final Logger log = LoggerFactory.getLogger(CampaignTasks.class);
    /** How long one feed may spend enumerating before it tops up the queues (enumeration resumes on the next feed). */
    private static final Duration ENUMERATION_BUDGET = Duration.ofSeconds(2);

    private final CampaignRepository repository;
    private final RecipeRegistry recipes;
    private final ProductEngine engine;
    private final CampaignProperties properties;
    private final AuditTrail audit;
    private final OneTimeTask<Void> itemTask;
    private final RecurringTask<Void> feedTask;

    CampaignTasks(CampaignRepository repository, RecipeRegistry recipes, ProductEngine engine,
                  CampaignProperties properties, AuditTrail audit) {
        this.repository = repository;
        this.recipes = recipes;
        this.engine = engine;
        this.properties = properties;
        this.audit = audit;
        this.itemTask = Tasks.oneTime(ITEM_TASK)
                .execute((instance, context) -> runItem(instance.getId(), context.getExecution().pickedBy));
        this.feedTask = Tasks.recurring(FEED_TASK, FixedDelay.of(properties.feedInterval()))
                .execute((instance, context) -> feed(context.getSchedulerClient()));
    }

    @Override
    public List<Task<?>> tasks() {
        return List.of(itemTask);
    }

    @Override
    public List<RecurringTask<?>> startTasks() {
        return List.of(feedTask);
    }

    TaskInstance<Void> itemInstance(long campaignId, String productInstanceId) {
        return itemTask.instance(campaignId + ":" + productInstanceId);
    }

    /** The feeder's recurring instance, to run it at once when a campaign starts or resumes. */
    TaskInstance<Void> feedInstance() {
        return feedTask.instance(RecurringTask.INSTANCE);
    }

    /** One feed: every active campaign in turn; a campaign that fails to feed does not hold up the others. */
    void feed(SchedulerClient client) {
        for (CampaignRepository.Row campaign : repository.active()) {
            try {
                feed(campaign, client);
            } catch (RuntimeException e) {
                log.warn("Campaign {} could not be fed this time: {}", campaign.id(), e.getMessage(), e);
            }
        }
    }

    private void feed(CampaignRepository.Row campaign, SchedulerClient client) {
        Optional<ProductRecipe> recipe = recipes.find(campaign.type(), campaign.version());
        if (recipe.isEmpty()) {
            log.warn("Campaign {}: recipe {} {} is not installed on this node; it waits for a node that has it",
                    campaign.id(), campaign.type(), campaign.version());
            return;
        }
        boolean enumerated = campaign.status() == CampaignStatus.RUNNING || enumerate(campaign, recipe.get());
        int room = properties.inFlight() - repository.inFlight(campaign.id());
        if (room > 0) {
            List<String> next = repository.nextPending(campaign.id(), room);
            Instant now = Instant.now();
            for (String instanceId : next) {
                client.scheduleIfNotExists(itemInstance(campaign.id(), instanceId), now);
            }
            if (!next.isEmpty()) {
                repository.markQueued(campaign.id(), next);
            }
        }
        if (enumerated && repository.finishIfDone(campaign.id())) {
            Map<ItemStatus, Long> counts = repository.counts(campaign.id());
            audit.recordAs(AuditTrail.SYSTEM, "product.campaign-finished", "product-campaign", Long.toString(campaign.id()),
                    null, counts, null);
            log.info("Campaign {} ({} {}) finished: {}", campaign.id(), campaign.type(), campaign.version(), counts);
        }
    }

    /**
     * Reads the campaign's next windows of input sets into items, for at most {@link #ENUMERATION_BUDGET}; returns
     * whether the whole interval is enumerated. A product of the campaign's version that exists already makes a
     * SKIPPED item at once, without a run.
     */
    private boolean enumerate(CampaignRepository.Row campaign, ProductRecipe recipe) {
        long deadline = System.nanoTime() + ENUMERATION_BUDGET.toNanos();
        Instant cursor = campaign.enumeratedTo();
        do {
            Instant end = cursor.plus(properties.enumerationWindow());
            end = end.isAfter(campaign.to()) ? campaign.to() : end;
            Map<String, Long> existing = repository.existingProducts(campaign.type(), campaign.version(), cursor, end);
            List<CampaignRepository.Draft> drafts = new ArrayList<>();
            for (InputSet set : recipe.inputSets().find(cursor, end)) {
                ProductInstance instance = set.instance(campaign.type(), campaign.version());
                drafts.add(new CampaignRepository.Draft(instance.id(), set.referenceTime(), set.subject(),
                        existing.get(CampaignRepository.key(set.referenceTime(), set.subject()))));
            }
            repository.insertItems(campaign.id(), drafts);
            boolean complete = !end.isBefore(campaign.to());
            repository.enumerated(campaign.id(), end, complete);
            if (complete) {
                return true;
            }
            cursor = end;
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** One item: claim it, make its product, record the outcome. */
    void runItem(String taskInstanceId, String node) {
        int colon = taskInstanceId.indexOf(':');
        long campaignId = Long.parseLong(taskInstanceId.substring(0, colon));
        String instanceId = taskInstanceId.substring(colon + 1);
        if (!repository.claim(campaignId, instanceId, node)) {
            // cancelled before it started (or finished already): a pending item of a cancelled campaign stays cancelled
            repository.cancelItem(campaignId, instanceId);
            return;
        }
        ProductInstance product = ProductInstance.parse(instanceId);
        Optional<ProductRecipe> recipe = recipes.find(product.type(), product.version());
        if (recipe.isEmpty()) {
            repository.finishItem(campaignId, instanceId, ItemStatus.FAILED, null, null,
                    "recipe " + product.type() + " " + product.version() + " is not installed on node " + node);
            return;
        }
        try {
            RunOutcome outcome = engine.run(recipe.get(), product.version(), product.referenceTime(), product.subject(),
                    RunTrigger.CAMPAIGN, node);
            repository.finishItem(campaignId, instanceId,
                    outcome.status() == RunStatus.SUCCEEDED ? ItemStatus.MADE : ItemStatus.SKIPPED,
                    outcome.productId(), outcome.runId(), null);
        } catch (RuntimeException e) {
            // the engine has recorded the FAILED run with its reason; the campaign counts the item and goes on
            repository.finishItem(campaignId, instanceId, ItemStatus.FAILED, null, null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
