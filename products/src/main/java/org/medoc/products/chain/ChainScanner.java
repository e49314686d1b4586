package org.medoc.products.chain;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which products the recurring scan schedules: for every installed type, the input sets of the last
 * {@code scan-lookback} that have neither a product of the current version nor any run yet (a failed instance is left
 * to db-scheduler's retries and to staff, not rescheduled every scan). Complete sets are due at once; an incomplete
 * set waits {@code incomplete-delay} for late inputs, then is made from what is there and flagged.
 */
@Component
public class ChainScanner {

    private final RecipeRegistry recipes;
    private final ChainRepository repository;
    private final ChainProperties properties;

    public ChainScanner(RecipeRegistry recipes, ChainRepository repository, ChainProperties properties) {
        this.recipes = recipes;
        this.repository = repository;
        this.properties = properties;
    }

    public List<ProductInstance> due(Instant now) {
        List<ProductInstance> due = new ArrayList<>();
        for (ProductRecipe recipe : recipes.currentRecipes()) {
            Instant from = now.minus(recipe.scanLookback(properties.scanLookback()));
            Instant to = now.plus(recipe.scanLead());
            if (recipe.remakeWhenInputsChange()) {
                due.addAll(revisionsDue(recipe, recipe.inputSets().find(from, to), from, to));
                continue;
            }
            Set<ProductInstance> handled = repository.handledInstances(recipe.type(), recipe.version(), from, now);
            for (InputSet set : recipe.inputSets().find(from, now)) {
                boolean waitForMore = !set.complete() && set.referenceTime().isAfter(now.minus(properties.incompleteDelay()));
                ProductInstance instance = set.instance(recipe.type(), recipe.version());
                if (!handled.contains(instance) && !waitForMore) {
                    due.add(instance);
                }
            }
        }
        return due;
    }

    /**
     * For a recipe that remakes its products when their inputs change: each set's product to make, if any — the
     * recipe's version when the reference time has no product yet, the next revision when the latest one was made from
     * other observations — unless that instance has been run already (a failure is left to retries and staff).
     */
    List<ProductInstance> revisionsDue(ProductRecipe recipe, List<InputSet> sets, Instant from, Instant to) {
        java.util.Map<Instant, ChainRepository.LatestRevision> latest =
                repository.latestRevisions(recipe.type(), recipe.version(), from, to);
        Set<String> run = repository.runInstanceIds(recipe.type(), from, to);
        List<ProductInstance> due = new ArrayList<>();
        for (InputSet set : sets) {
            versionToMake(recipe, set, latest.get(set.referenceTime()))
                    .map(version -> new ProductInstance(recipe.type(), version, set.referenceTime()))
                    .filter(instance -> !run.contains(instance.id()))
                    .ifPresent(due::add);
        }
        return due;
    }

    /** The product version a set calls for given the latest revision made (null: none), or empty when it is up to date. */
    static java.util.Optional<String> versionToMake(ProductRecipe recipe, InputSet set, ChainRepository.LatestRevision latest) {
        if (latest == null) {
            return java.util.Optional.of(recipe.version());
        }
        Set<Long> inputs = new java.util.HashSet<>();
        set.inputs().forEach(input -> inputs.add(input.observationId()));
        return inputs.equals(latest.observationIds()) ? java.util.Optional.empty()
                : java.util.Optional.of(Revisions.productVersion(recipe.version(), latest.revision() + 1));
    }
}
