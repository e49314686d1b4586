package org.medoc.release;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DataCite Metadata Schema 4.6 XSD for the tests that validate our XML against it. It is not in the repository:
 * the build forwards {@code -Dmedoc.release.datacite-schema=...} to the tests (root pom). Without it a test that needs
 * it is skipped on a developer's machine, with the way to enable it; under CI ({@code CI} set, where .ci/run passes
 * the XSD) it fails, so the schema check can never silently stop running there.
 */
public final class DataCiteSchema {

    public static final String PROPERTY = "medoc.release.datacite-schema";

    private DataCiteSchema() {
    }

    /** The configured XSD, or null when the property is absent or empty (a validator built from it is then blind). */
    public static String configured() {
        String location = System.getProperty(PROPERTY);
        return location == null || location.isBlank() ? null : location.strip();
    }

    /** The XSD; skips the calling test when it is not given or not found, fails instead under CI. */
    public static Path require() {
        String location = configured();
        String problem = location == null ? "the DataCite 4.6 XSD is not configured"
                : Files.isRegularFile(Path.of(location)) ? null : "the DataCite 4.6 XSD is not found at " + location;
        if (problem == null) {
            return Path.of(location).toAbsolutePath().normalize();
        }
        String message = problem + ": run with -D" + PROPERTY + "=/path/to/kernel-4.6/metadata.xsd to enable the schema tests";
        if (System.getenv("CI") != null) {
            Assertions.fail(message + " (CI must run them)");
        }
        Assumptions.abort(message);
        return null;
    }
}
