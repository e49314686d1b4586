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
        Instant from = now.minus(properties.scanLookback());
        List<ProductInstance> due = new ArrayList<>();
        for (ProductRecipe recipe : recipes.currentRecipes()) {
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
}
