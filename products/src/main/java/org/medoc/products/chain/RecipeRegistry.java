package org.medoc.products.chain;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recipes this node can run: every {@link ProductRecipe} bean. Several versions of one type may be installed (to
 * finish old scheduled runs during an upgrade, or to reprocess); the highest version is the current one, used by the
 * scan and by on-demand runs.
 */
@Component
public class RecipeRegistry {

    private final Map<String, ProductRecipe> byKey = new LinkedHashMap<>();

    /** From Spring: every recipe bean, none at all being a valid installation (the chain then has nothing to do). */
    @Autowired
    public RecipeRegistry(ObjectProvider<ProductRecipe> recipes) {
        this(recipes.orderedStream().toList());
    }

    public RecipeRegistry(List<ProductRecipe> recipes) {
        for (ProductRecipe recipe : recipes) {
            ProductInstance.checkType(recipe.type());
            ProductInstance.checkVersion(recipe.version());
            if (byKey.putIfAbsent(key(recipe.type(), recipe.version()), recipe) != null) {
                throw new IllegalStateException("two recipes for " + recipe.type() + " version " + recipe.version());
            }
        }
    }

    private static String key(String type, String version) {
        return type + ":" + version;
    }

    /** The recipe of a product version; a revision ({@code 1.0-r2}) is made by the recipe of its base version. */
    public Optional<ProductRecipe> find(String type, String version) {
        ProductRecipe exact = byKey.get(key(type, version));
        if (exact != null) {
            return Optional.of(exact);
        }
        String base = Revisions.baseVersion(version);
        return base.equals(version) ? Optional.empty()
                : Optional.ofNullable(byKey.get(key(type, base))).filter(ProductRecipe::remakeWhenInputsChange);
    }

    /** The current (highest) version of a type. */
    public Optional<ProductRecipe> current(String type) {
        return byKey.values().stream().filter(r -> r.type().equals(type)).max(Comparator.comparing(ProductRecipe::version, VERSIONS));
    }

    /** The current recipe of every installed type, by type. */
    public List<ProductRecipe> currentRecipes() {
        List<ProductRecipe> current = new ArrayList<>();
        byKey.values().stream().map(ProductRecipe::type).distinct().forEach(type -> current.add(current(type).orElseThrow()));
        return current;
    }

    /** Every installed type with its current version, installed versions and description, by type. */
    public List<ProductType> productTypes() {
        return types().stream().map(type -> productType(type).orElseThrow()).toList();
    }

    /** One installed type with its current version, installed versions and description. */
    public Optional<ProductType> productType(String type) {
        return current(type).map(recipe -> new ProductType(type, recipe.version(), byKey.values().stream()
                .filter(r -> r.type().equals(type)).map(ProductRecipe::version).sorted(VERSIONS).toList(),
                recipe.description()));
    }

    public List<String> types() {
        return byKey.values().stream().map(ProductRecipe::type).distinct().sorted().toList();
    }

    /** Orders versions part by part, numerically where both parts are numbers: 1.10 after 1.9, 2.0 after 1.10. */
    public static final Comparator<String> VERSIONS = (left, right) -> {
        String[] a = left.split("[._-]");
        String[] b = right.split("[._-]");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d{1,9}") && b[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i])) : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    };
}
