package org.medoc.release.model;

import java.time.Instant;

/** How many files of published releases have been checked, and how many are still waiting for their first check. */
public record FixityCoverage(long filesChecked, long filesNeverChecked, Instant oldestCheck) {}
