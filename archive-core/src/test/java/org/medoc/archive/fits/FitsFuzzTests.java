package org.medoc.archive.fits;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Feeds arbitrary bytes through inspect + readPlane + png; nothing but {@link FitsRejectedException} may escape.
 *
 * <p>In the normal test run (regression mode) this replays the inputs under
 * {@code src/test/resources/org/medoc/archive/fits/FitsFuzzTestsInputs/} and returns within seconds. For a real
 * fuzzing run:
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl archive-core test -Dtest=FitsFuzzTests -Djazzer.max_duration=10m
 * </pre>
 * (or set {@code maxDuration} on the annotation); crashing inputs are written to that directory and replayed
 * afterwards.
 */
class FitsFuzzTests {

    private static final FitsLimits LIMITS = new FitsLimits(64L << 20, 10_000, 4L << 20);

    @FuzzTest(maxDuration = "30s")
    void nothingButRejectionsEscape(FuzzedDataProvider data) throws Exception {
        int prefix = data.consumeInt(0, 3);
        byte[] tail = data.consumeRemainingAsBytes();
        byte[] bytes = switch (prefix) {
            case 0 -> tail;
            default -> splice(prefix, tail);
        };
        Path file = Files.createTempFile("fuzz", ".fits");
        try {
            Files.write(file, bytes);
            FitsFuzzing.exercise(file, LIMITS);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The first cards of a real header (up to its NAXIS cards), then the fuzzer's bytes. */
    private static byte[] splice(int which, byte[] tail) throws Exception {
        String name = switch (which) {
            case 1 -> "aia_171_level1.fits";
            case 2 -> "aia_171_cutout.fits";
            default -> TestFiles.SHARP + "Br.fits";
        };
        byte[] real = Files.readAllBytes(TestFiles.real(name));
        int keep = which == 1 ? 80 * 5 : 2880 + 80 * 20; // a primary/compressed prefix before the fuzzed cards
        byte[] out = new byte[keep + tail.length];
        System.arraycopy(real, 0, out, 0, keep);
        System.arraycopy(tail, 0, out, keep, tail.length);
        return out;
    }
}
