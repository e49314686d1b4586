package org.medoc.ui.release;

import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text forms of the Releases view: list-valued metadata and selection rules edited as plain lines, so that a
 * release manager can paste from release notes. Each parser names the line it cannot read.
 * <ul>
 *   <li>creators: {@code Name | ORCID | Affiliation | ROR} per line; a line starting with {@code org:} is an
 *   organisation (e.g. {@code org: SPICE consortium});</li>
 *   <li>funding: {@code Funder | funder ROR | award number};</li>
 *   <li>related identifiers: {@code identifier | type | relation}, e.g. {@code 10.1051/0004-6361/201935574 | DOI | IsDocumentedBy};</li>
 *   <li>time ranges: {@code start / end} per line, ISO instants or dates (a date as end covers its whole day);</li>
 *   <li>STP ranges: {@code 122-130, 180};</li>
 *   <li>lists: comma- or space-separated.</li>
 * </ul>
 */
public final class ReleaseForms {
    private ReleaseForms() {
    }

    /** A line of a form that cannot be read; the message names the line and what was expected. */
    public static class FormException extends IllegalArgumentException {
        public FormException(String message) {
            super(message);
        }
    }

    public static List<ReleaseMetadata.Creator> creators(String text) {
        List<ReleaseMetadata.Creator> creators = new ArrayList<>();
        int number = 0;
        for (String line : lines(text)) {
            number++;
            if (line.toLowerCase(Locale.ROOT).startsWith("org:")) {
                creators.add(ReleaseMetadata.Creator.organisation(line.substring(4).strip()));
                continue;
            }
            String[] parts = parts(line, 4);
            if (parts[0].isEmpty()) {
                throw new FormException("creator line " + number + " has no name: write 'Family, Given | ORCID | Affiliation | ROR'");
            }
            String family = parts[0].contains(",") ? parts[0].substring(0, parts[0].indexOf(',')).strip() : null;
            String given = parts[0].contains(",") ? parts[0].substring(parts[0].indexOf(',') + 1).strip() : null;
            List<ReleaseMetadata.Affiliation> affiliations = parts[2].isEmpty() ? List.of()
                    : List.of(new ReleaseMetadata.Affiliation(parts[2], blankToNull(parts[3])));
            creators.add(new ReleaseMetadata.Creator(parts[0], ReleaseMetadata.NameType.PERSONAL, given, family,
                    blankToNull(parts[1]), affiliations));
        }
        return creators;
    }

    public static String creators(List<ReleaseMetadata.Creator> creators) {
        return creators.stream().map(c -> c.nameType() == ReleaseMetadata.NameType.ORGANIZATIONAL ? "org: " + c.name()
                : join(c.name(), c.orcid(), c.affiliations().isEmpty() ? null : c.affiliations().getFirst().name(),
                c.affiliations().isEmpty() ? null : c.affiliations().getFirst().rorId())).collect(Collectors.joining("\n"));
    }

    public static List<ReleaseMetadata.Funding> funding(String text) {
        return lines(text).stream().map(line -> {
            String[] parts = parts(line, 3);
            return new ReleaseMetadata.Funding(parts[0], blankToNull(parts[1]), parts[1].contains("ror.org") ? "ROR" : parts[1].isEmpty() ? null : "Other",
                    blankToNull(parts[2]), null);
        }).toList();
    }

    public static String funding(List<ReleaseMetadata.Funding> funding) {
        return funding.stream().map(f -> join(f.funderName(), f.funderIdentifier(), f.awardNumber())).collect(Collectors.joining("\n"));
    }

    public static List<ReleaseMetadata.RelatedIdentifier> related(String text) {
        int[] number = {0};
        return lines(text).stream().map(line -> {
            number[0]++;
            String[] parts = parts(line, 3);
            if (parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new FormException("related identifier line " + number[0] + " needs 'identifier | type | relation'");
            }
            return new ReleaseMetadata.RelatedIdentifier(parts[0], parts[1], parts[2], null);
        }).toList();
    }

    public static String related(List<ReleaseMetadata.RelatedIdentifier> related) {
        return related.stream().map(r -> join(r.identifier(), r.identifierType(), r.relationType())).collect(Collectors.joining("\n"));
    }

    public static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static List<String> commaList(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static List<Long> ids(String text) {
        return list(text).stream().map(id -> {
            try {
                return Long.valueOf(id);
            } catch (NumberFormatException e) {
                throw new FormException("'" + id + "' is not an observation id (a whole number)");
            }
        }).toList();
    }

    public static List<SelectionRules.StpRange> stps(String text) {
        return list(text).stream().map(item -> {
            try {
                String[] bounds = item.split("-", 2);
                int first = Integer.parseInt(bounds[0].strip());
                int last = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : first;
                if (first > last) {
                    throw new FormException("STP range " + item + " is reversed");
                }
                return new SelectionRules.StpRange(first, last);
            } catch (NumberFormatException e) {
                throw new FormException("'" + item + "' is not an STP number or range (e.g. 122-130)");
            }
        }).toList();
    }

    public static String stps(List<SelectionRules.StpRange> ranges) {
        return ranges.stream().map(r -> r.first() == r.last() ? Integer.toString(r.first()) : r.first() + "-" + r.last())
                .collect(Collectors.joining(", "));
    }

    public static List<SelectionRules.TimeRange> times(String text) {
        int number = 0;
        List<SelectionRules.TimeRange> ranges = new ArrayList<>();
        for (String line : lines(text)) {
            number++;
            String[] bounds = line.split("/", 2);
            if (bounds.length != 2) {
                throw new FormException("time range line " + number + " needs 'start / end'");
            }
            Instant from = instant(bounds[0].strip(), false, number);
            Instant to = instant(bounds[1].strip(), true, number);
            if (from.isAfter(to)) {
                throw new FormException("time range line " + number + " ends before it starts");
            }
            ranges.add(new SelectionRules.TimeRange(from, to));
        }
        return ranges;
    }

    public static String times(List<SelectionRules.TimeRange> ranges) {
        return ranges.stream().map(r -> r.from() + " / " + r.to()).collect(Collectors.joining("\n"));
    }

    private static Instant instant(String text, boolean end, int line) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return end ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text.endsWith("Z") ? text : text + "Z");
        } catch (DateTimeParseException e) {
            throw new FormException("time range line " + line + ": '" + text + "' is not an ISO date or time (2022-03-08 or 2022-03-08T12:00:00Z)");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String[] parts(String line, int count) {
        String[] split = line.split("\\|", -1);
        String[] parts = new String[count];
        for (int i = 0; i < count; i++) {
            parts[i] = i < split.length ? split[i].strip() : "";
        }
        return parts;
    }

    private static String join(String... values) {
        List<String> parts = new ArrayList<>(Arrays.stream(values).map(v -> v == null ? "" : v).toList());
        while (!parts.isEmpty() && parts.getLast().isEmpty()) {
            parts.removeLast();
        }
        return String.join(" | ", parts);
    }
}
