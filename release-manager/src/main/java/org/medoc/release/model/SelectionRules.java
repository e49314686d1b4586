package org.medoc.release.model;

import java.time.Instant;
import java.util.List;

/**
 * What a draft release contains, as rules rather than a list, so that a draft follows the archive until it is frozen.
 * <p>Observations: a catalogued observation is selected when it matches every non-empty observation criterion
 * (instrument, level, any time range, any STP range, any file version), or when it is listed in the explicit
 * additions; observations listed in the exclusions are never selected. Only public observations are selectable: a
 * release is public.
 *
 * <p>Derived products: when a product type or a product version is given, the product catalogue's products of those
 * types and versions whose reference time falls in any time range (or any time, without a range) are selected as
 * well, each with its main data file. The time ranges then belong to the products: they select observations only
 * together with another observation criterion, so that "dem 1.0 over March 2022" is not also "every observation of
 * March 2022".
 *
 * <p>With no criterion at all, only the explicit additions are selected (never "the whole archive").
 *
 * @param instruments   instrument codes, e.g. SPICE, AIA
 * @param levels        data levels in any spelling (L2, 2, 1.5)
 * @param timeRanges    observations overlapping any of these intervals
 * @param stps          SPICE short-term planning periods (STP numbers), as inclusive ranges
 * @param productTypes  derived product types as catalogued, e.g. dem
 * @param productVersions derived product versions (the recipe's version), e.g. 1.0
 * @param fileVersions  file versions as in SPICE file names, e.g. V02
 * @param additions     observation ids added explicitly
 * @param exclusions    observation ids excluded explicitly
 */
public record SelectionRules(
        List<String> instruments,
        List<String> levels,
        List<TimeRange> timeRanges,
        List<StpRange> stps,
        List<String> productTypes,
        List<String> productVersions,
        List<String> fileVersions,
        List<Long> additions,
        List<Long> exclusions) {

    public SelectionRules {
        instruments = copy(instruments);
        levels = copy(levels);
        timeRanges = copy(timeRanges);
        stps = copy(stps);
        productTypes = copy(productTypes);
        productVersions = copy(productVersions);
        fileVersions = copy(fileVersions);
        additions = copy(additions);
        exclusions = copy(exclusions);
        for (TimeRange range : timeRanges) {
            if (range.from() == null || range.to() == null || range.from().isAfter(range.to())) {
                throw new IllegalArgumentException("time range " + range.from() + " – " + range.to()
                        + " must have a start before its end");
            }
        }
        for (StpRange range : stps) {
            if (range.first() > range.last()) {
                throw new IllegalArgumentException("STP range " + range.first() + "–" + range.last() + " is reversed");
            }
        }
    }

    public static SelectionRules none() {
        return new SelectionRules(null, null, null, null, null, null, null, null, null);
    }

    /** Any rule at all (explicit additions are not rules). */
    public boolean hasCriteria() {
        return hasObservationCriteria() || hasProductCriteria();
    }

    /** Whether the rules select observations (beyond the explicit additions). */
    public boolean hasObservationCriteria() {
        return !instruments.isEmpty() || !levels.isEmpty() || !stps.isEmpty() || !fileVersions.isEmpty()
                || (!timeRanges.isEmpty() && !hasProductCriteria());
    }

    /** Whether the rules select derived products. */
    public boolean hasProductCriteria() {
        return !productTypes.isEmpty() || !productVersions.isEmpty();
    }

    public record TimeRange(Instant from, Instant to) {}

    public record StpRange(int first, int last) {}

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
