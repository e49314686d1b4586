package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.medoc.audit.AuditTrail;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The product chains' public service: run a type over an interval now (the command line), schedule reprocessing of an
 * interval on the workers, retry a failed run, scan at once, and read the runs.
 */
@Service
public class ProductChain {

    private final RecipeRegistry recipes;
    private final ProductEngine engine;
    private final ChainScanner scanner;
    private final ChainTasks tasks;
    private final SchedulerClient client;
    private final ChainRepository repository;
    private final AuditTrail audit;

    public ProductChain(RecipeRegistry recipes, ProductEngine engine, ChainScanner scanner, ChainTasks tasks,
                        SchedulerClient client, ChainRepository repository, AuditTrail audit) {
        this.recipes = recipes;
        this.engine = engine;
        this.scanner = scanner;
        this.tasks = tasks;
        this.client = client;
        this.repository = repository;
        this.audit = audit;
    }

    public List<String> types() {
        return recipes.types();
    }

    /**
     * The installed product types with their descriptions (title, what the product is, input rule, cadence, previews,
     * documentation page), by type: what the Products area shows and {@code GET /api/v1/product-types} lists.
     */
    public List<ProductType> productTypes() {
        return recipes.productTypes();
    }

    /** One installed product type with its description; {@link UnknownProductTypeException} if none is installed. */
    public ProductType productType(String type) {
        return recipes.productType(type).orElseThrow(() -> new UnknownProductTypeException(type, recipes.types()));
    }

    public ProductRecipe recipe(String type) {
        return recipes.current(type).orElseThrow(() -> new UnknownProductTypeException(type, recipes.types()));
    }

    /**
     * Makes, in the calling thread, the current version's product of every input set in [from, to] that the catalogue
     * holds, incomplete sets included (flagged). Products already catalogued are skipped; a failing set is reported and
     * the others go on. The outcomes come in reference-time order, each also passed to {@code progress}.
     */
    public List<RunOutcome> runRange(String type, Instant from, Instant to, Consumer<RunOutcome> progress) {
        ProductRecipe recipe = recipe(type);
        checkInterval(from, to);
        List<RunOutcome> outcomes = new ArrayList<>();
        // a recipe that remakes products on new inputs makes the next revision where the inputs changed
        java.util.Map<Instant, ChainRepository.LatestRevision> latest = recipe.remakeWhenInputsChange()
                ? repository.latestRevisions(type, recipe.version(), from, to) : java.util.Map.of();
        for (InputSet set : recipe.inputSets().find(from, to)) {
            ChainRepository.LatestRevision made = latest.get(set.referenceTime());
            String version = !recipe.remakeWhenInputsChange() ? recipe.version()
                    : ChainScanner.versionToMake(recipe, set, made).orElseGet(() -> made.version());
            RunOutcome outcome;
            try {
                outcome = engine.run(recipe, version, set.referenceTime(), set.subject(), RunTrigger.COMMAND, "command line");
            } catch (ChainException e) {
                ProductInstance instance = set.instance(type, version);
                RunSummary failed = repository.runsOf(instance.id()).getLast();
                outcome = new RunOutcome(failed.id(), instance,
                        RunStatus.FAILED, null, failed.durationMs() == null ? 0 : failed.durationMs(), failed.error());
            }
            outcomes.add(outcome);
            progress.accept(outcome);
        }
        return outcomes;
    }

    /**
     * Schedules, for the worker nodes, the current version's product of every input set in [from, to] that has none
     * yet (reprocessing after a new version, or filling a gap). Products of other versions are kept. Returns how many
     * were scheduled.
     */
    public int scheduleRange(String type, Instant from, Instant to) {
        ProductRecipe recipe = recipe(type);
        checkInterval(from, to);
        Set<ProductInstance> made = repository.productInstances(type, recipe.version(), from, to);
        List<ProductInstance> products = recipe.inputSets().find(from, to).stream()
                .map(set -> set.instance(type, recipe.version()))
                .filter(instance -> !made.contains(instance))
                .toList();
        int scheduled = tasks.schedule(client, products, RunTrigger.COMMAND);
        audit.record("product.reprocess", "product-type", type, null, Map.of("version", recipe.version(), "from", from.toString(), "to", to.toString(), "scheduled", scheduled), null);
        return scheduled;
    }

    /** Schedules what the recurring scan would, now (after an ingest, or at the first start of a demo). */
    public int scanNow() {
        return tasks.schedule(client, scanner.due(Instant.now()), RunTrigger.SCHEDULED);
    }

    /**
     * Schedules a failed run's product again, now, as a new attempt; nothing happens when the product exists by now.
     * Returns the instance id.
     */
    public String retry(long runId) {
        RunSummary run = repository.run(runId).orElseThrow(() -> new RunNotFoundException(runId));
        ProductInstance product = ProductInstance.parse(run.instanceId());
        if (recipes.find(run.type(), run.version()).isEmpty()) {
            throw new ChainException("recipe " + run.type() + " version " + run.version() + " is no longer installed: "
                    + "reprocess the interval with the current version instead");
        }
        if (repository.productId(product).isEmpty()) {
            client.schedule(tasks.runInstance(product, RunTrigger.RETRY), Instant.now(),
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        }
        audit.record("product.retry", "product-run", Long.toString(runId), Map.of("status", run.status().name()), null, product.id());
        return product.id();
    }

    /** A page of runs, newest first. */
    public RunPage runs(String type, RunStatus status, int page, int size) {
        return new RunPage(repository.countRuns(type, status), repository.runs(type, status, page * size, size));
    }

    /** Every attempt at one product, oldest first. */
    public List<RunSummary> runsOf(ProductInstance product) {
        return repository.runsOf(product.id());
    }

    /** Whether a product's task is waiting in the scheduler (scheduled, retrying or running). */
    public boolean pending(ProductInstance product) {
        return client.getScheduledExecution(tasks.runInstance(product, RunTrigger.SCHEDULED)).isPresent();
    }

    private static void checkInterval(Instant from, Instant to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("the interval needs from <= to, was " + from + " to " + to);
        }
    }

    public record RunPage(long total, List<RunSummary> items) {}

    /** A type no installed recipe makes. */
    public static class UnknownProductTypeException extends IllegalArgumentException {
        public UnknownProductTypeException(String type, List<String> known) {
            super("unknown product type '" + type + "'; known types: " + String.join(", ", known));
        }
    }

    public static class RunNotFoundException extends RuntimeException {
        public RunNotFoundException(long id) {
            super("no product run " + id);
        }
    }
}
