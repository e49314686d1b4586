package org.medoc.products.dem;

import java.time.Instant;
import java.util.List;

/**
 * What a DEM product records about its making: the software and product versions, the set's reference time and the
 * input files with their SHA-256 (as catalogued by the archive). An empty input list makes the maker hash the channel
 * files itself.
 */
public record DemProvenance(String softwareVersion, String productVersion, Instant referenceTime, List<InputFile> inputs) {

    public DemProvenance {
        if (softwareVersion == null || softwareVersion.isBlank() || productVersion == null || productVersion.isBlank()) {
            throw new IllegalArgumentException("software and product versions are required");
        }
        if (referenceTime == null) {
            throw new IllegalArgumentException("reference time is required");
        }
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** An input file by name, with its SHA-256 in lower-case hex. */
    public record InputFile(String name, String sha256) {
        public InputFile {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("input file name is required");
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("SHA-256 of " + name + " must be 64 lower-case hex digits");
            }
        }
    }
}
