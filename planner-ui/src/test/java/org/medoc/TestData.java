package org.medoc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real sample files of the repository's testdata/fits. The build passes testdata's location as the system
 * property medoc.testdata (root pom, surefire and failsafe); run outside Maven, testdata is looked for beside the
 * module directory. (The same lookup as archive-core's ArchiveTestApplication.sampleFits: test classes are not
 * shared between modules.)
 */
public final class TestData {

    private TestData() {
    }

    /** The directory testdata/fits. */
    public static Path fits() {
        String configured = System.getProperty("medoc.testdata");
        Path data = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../testdata");
        Path fits = data.resolve("fits").toAbsolutePath().normalize();
        if (!Files.isDirectory(fits)) {
            throw new IllegalStateException("sample data not found at " + fits
                    + ": run the tests from the repository (testdata/fits at its root) or set -Dmedoc.testdata");
        }
        return fits;
    }

    /** One sample file of testdata/fits, which must exist. */
    public static Path fits(String name) {
        Path file = fits().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample file " + name + " is not in " + fits());
        }
        return file;
    }
}
