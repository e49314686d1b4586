package org.medoc.products.chain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product revisions of recipes that remake a product when its inputs change ({@link ProductRecipe#remakeWhenInputsChange}):
 * the first product of reference time t has the recipe's version ({@code 1.0}), the next ones {@code 1.0-r2},
 * {@code 1.0-r3}, ... so that each is a product of its own, identified as every product by (type, version, time).
 */
public final class Revisions {

    private static final Pattern REVISION = Pattern.compile("(.+)-r(\\d{1,6})");

    private Revisions() {
    }

    /** The recipe version of a product version: {@code 1.0-r3} → {@code 1.0}. */
    public static String baseVersion(String productVersion) {
        Matcher m = REVISION.matcher(productVersion);
        return m.matches() ? m.group(1) : productVersion;
    }

    /** 1 for the recipe's own version, n for {@code -rn}. */
    public static int revision(String productVersion) {
        Matcher m = REVISION.matcher(productVersion);
        return m.matches() ? Integer.parseInt(m.group(2)) : 1;
    }

    /** The product version of a revision of a recipe version. */
    public static String productVersion(String recipeVersion, int revision) {
        return revision <= 1 ? recipeVersion : recipeVersion + "-r" + revision;
    }
}
