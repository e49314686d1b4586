package org.medoc.products;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Independent tools from Debian that check our work (fitsverify, funpack). On a developer's machine without them a
 * test is skipped with the install command; under CI ({@code CI} set, where .ci/run installs them) it fails.
 * (A copy of archive-core's test helper: test classes are not shared between modules.)
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static Path require(String tool, String debianPackage) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(directory, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = tool + " is not installed: apt-get install " + debianPackage;
        if (System.getenv("CI") != null) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /** Runs {@code fitsverify -e} on a file and asserts it reports no error (skipped or failed as {@link #require}). */
    public static void assertPassesFitsverify(Path file) throws java.io.IOException, InterruptedException {
        Path fitsverify = require("fitsverify", "ftools-fv");
        Process process = new ProcessBuilder(fitsverify.toString(), "-e", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        Assertions.assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "fitsverify did not finish");
        Assertions.assertTrue(output.contains("0 error(s)"), output);
        Assertions.assertEquals(0, process.exitValue(), output);
    }
}
