package org.medoc.planner.period;

import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Mission-planning rules (docs/planning.md): M1 a period, SOOP instance or constraint window has a start before its
 * end; M2 a constraint window comes from a known source and has a type; M3 a telemetry allocation is not negative.
 * Each finding names the field at fault ({@code start}, {@code end}, {@code source}, {@code type}, {@code allocatedBits}).
 */
public final class PeriodRules {

    private PeriodRules() {
    }

    /** M1: {@code what} ("STP12", "a SOOP instance") has both ends and starts before it ends. */
    public static List<Finding> interval(String what, Instant start, Instant end) {
        List<Finding> findings = new ArrayList<>();
        if (start == null) {
            findings.add(Finding.error("M1", "start", what + " needs a start"));
        }
        if (end == null) {
            findings.add(Finding.error("M1", "end", what + " needs an end"));
        }
        if (start != null && end != null && !start.isBefore(end)) {
            findings.add(Finding.error("M1", "end", what + " must end after its start (" + start + ")"));
        }
        return findings;
    }

    /** M2 and M1 for a constraint window. */
    public static List<Finding> constraintWindow(Collection<String> sources, String source, String type, Instant start, Instant end) {
        List<Finding> findings = new ArrayList<>();
        if (source == null || !sources.contains(source)) {
            findings.add(Finding.error("M2", "source", "a constraint window's source is one of " + sources.stream().sorted().toList()));
        }
        if (type == null || type.isBlank()) {
            findings.add(Finding.error("M2", "type", "a constraint window needs a type (ROLL, RSW, ...)"));
        }
        findings.addAll(interval("a constraint window", start, end));
        return findings;
    }

    /** M3: an allocation in bits is zero or more. */
    public static List<Finding> allocation(long allocatedBits) {
        return allocatedBits < 0 ? List.of(Finding.error("M3", "allocatedBits", "a telemetry allocation cannot be negative")) : List.of();
    }
}
