package org.medoc.archive.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which observations a release holds, as criteria (a release draft's rules as the catalogue understands them; see
 * {@link ReleaseSelections}). An observation is selected when it matches every non-empty criterion, or when it is
 * listed in {@code additions}; one listed in {@code exclusions} never is. With no criterion at all only the additions
 * are selected, never "the whole archive". Whatever the criteria, only observations a release may hold are selected
 * ({@link org.medoc.archive.access.Visibility.Reader#RELEASE}).
 *
 * @param instruments  instrument codes in any case, e.g. SPICE, aia
 * @param levels       data levels in any spelling (L2, 2, 1.5): see {@link Levels}
 * @param timeRanges   observations whose [dateObs, dateEnd] overlaps any of these intervals
 * @param stps         SPICE short-term planning periods, as inclusive ranges
 * @param fileVersions file versions as in SPICE file names ({@code _V02_}), e.g. V02
 * @param additions    observation ids added explicitly
 * @param exclusions   observation ids excluded explicitly
 */
public record ObservationSelection(
        List<String> instruments,
        List<String> levels,
        List<TimeRange> timeRanges,
        List<StpRange> stps,
        List<String> fileVersions,
        List<Long> additions,
        List<Long> exclusions) {

    public ObservationSelection {
        instruments = copy(instruments).stream().map(code -> code.trim().toUpperCase(Locale.ROOT)).toList();
        levels = copy(levels).stream().map(Levels::normalise).filter(Objects::nonNull).toList();
        timeRanges = copy(timeRanges);
        stps = copy(stps);
        fileVersions = copy(fileVersions).stream().map(String::trim).toList();
        additions = copy(additions);
        exclusions = copy(exclusions);
    }

    /** Whether any criterion selects observations (explicit additions are not criteria). */
    public boolean hasCriteria() {
        return !instruments.isEmpty() || !levels.isEmpty() || !timeRanges.isEmpty() || !stps.isEmpty()
                || !fileVersions.isEmpty();
    }

    /** An inclusive interval of time. */
    public record TimeRange(Instant from, Instant to) {}

    /** An inclusive range of STP numbers. */
    public record StpRange(int first, int last) {}

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
