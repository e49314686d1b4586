package org.medoc.planner.study;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPICE study naming convention, read from real names ({@code SCI_SYNOPTIC_SC_SL04_60.0S_FF},
 * {@code SCI_DYN-FAST_SC_SL04_5.0S_FF}, {@code CAL_DARK_FS_SL04_1.0S_FD}; PLANNING.md §3.2):
 * {@code <PURPOSE>_<MODE[-variant]>_<xx>_SL<slit, 2 digits>_<exposure>S_<yy>}.
 * The {@code SLnn} and exposure tokens are established; the third token ({@code SC}, {@code SS}, {@code FS}, {@code TS})
 * is undocumented and we propose SC for rasters, SS for sit-and-stare and FS for single exposures; the last token is
 * FD (full detector), FF (full field) or CU (custom rows, our choice).
 */
public final class StudyNaming {

    static final Pattern CONVENTION = Pattern.compile(
            "^([A-Z]+)_([A-Z0-9][A-Z0-9-]*)_([A-Z]{2})_SL(\\d{2})_(\\d+(?:\\.\\d+)?)S_([A-Z]{2})$");

    private StudyNaming() {
    }

    /** The tokens of a name that follows the convention. */
    public record NameTokens(String purpose, String mode, String acquisition, int slitArcsec, double exposureSeconds,
                             String yField) {
    }

    /** Proposes a name from the parameters; {@code variant} (e.g. "FAST", "QS-MEDIUM") is appended to the mode. */
    public static String propose(StudyParameters study, String variant) {
        String mode = study.category().nameToken()
                + (variant == null || variant.isBlank() ? "" : "-" + variant.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]+", "-"));
        String acquisition = switch (study.studyType()) {
            case RASTER -> "SC";
            case SIT_AND_STARE -> "SS";
            case SINGLE_EXPOSURE -> "FS";
        };
        return study.purpose().namePrefix() + "_" + mode + "_" + acquisition + "_SL" + slitToken(study.slitWidthArcsec()) + "_"
                + exposureToken(study.exposureSeconds()) + "S_" + study.yFieldOfView().nameToken();
    }

    public static Optional<NameTokens> parse(String name) {
        Matcher matcher = CONVENTION.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NameTokens(matcher.group(1), matcher.group(2), matcher.group(3),
                Integer.parseInt(matcher.group(4)), Double.parseDouble(matcher.group(5)), matcher.group(6)));
    }

    /** Two digits, as in SL02, SL04, SL30. */
    static String slitToken(double slitArcsec) {
        return String.format(Locale.ROOT, "%02d", Math.round(slitArcsec));
    }

    /** One decimal at least (60.0, 5.0, 0.5), more when the exposure needs it (0.25). */
    static String exposureToken(double seconds) {
        String oneDecimal = String.format(Locale.ROOT, "%.1f", seconds);
        if (Math.abs(Double.parseDouble(oneDecimal) - seconds) < 1e-9) {
            return oneDecimal;
        }
        return java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
