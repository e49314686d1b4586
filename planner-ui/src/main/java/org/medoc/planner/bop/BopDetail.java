package org.medoc.planner.bop;

import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

/** A BOP with its versions; a released version never changes (P1). */
public record BopDetail(long id, String code, String name, String description, String owner, String status, int lockVersion,
                        List<Version> versions) {

    public record Version(long id, int versionNo, boolean released, Instant releasedAt, String notes, int lockVersion,
                          List<BopItem> items, double totalSeconds, List<Finding> findings) {
    }

    public Version version(int versionNo) {
        return versions.stream().filter(v -> v.versionNo() == versionNo).findFirst().orElseThrow();
    }
}
