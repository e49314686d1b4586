package org.medoc.archive.fits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Seeded mutation test complementing {@link FitsFuzzTests}: real files with checksum keywords defused (so that damaged
 * data reaches nom-tam-fits instead of being stopped by DATASUM) get random byte flips, truncations and digit edits in
 * header cards; inspect + readPlane + png must only ever reject.
 */
class FitsMutationTests {

    private static final int MUTANTS = 300;
    private static final long SEED = 20_260_1124L;
    private static final FitsLimits LIMITS = new FitsLimits(64L << 20, 10_000, 4L << 20);

    @Test
    void mutatedRealFilesAreOnlyEverRejected() throws Exception {
        List<Path> sources = List.of(TestFiles.real("aia_171_level1.fits"), TestFiles.real("aia_171_cutout.fits"),
                TestFiles.real(TestFiles.SHARP + "conf_disambig.fits"),
                TestFiles.real(TestFiles.SHARP + "Br.fits"),
                TestFiles.real("hmi_continuum_test_lowres_data.fits"));
        byte[][] originals = new byte[sources.size()][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = defuseChecksums(Files.readAllBytes(sources.get(i)));
        }
        Path dir = TestFiles.scratch("mutants");
        Path file = dir.resolve("mutant.fits");
        Random rnd = new Random(SEED);
        for (int n = 0; n < MUTANTS; n++) {
            byte[] b = mutate(originals[rnd.nextInt(originals.length)].clone(), rnd);
            Files.write(file, b);
            try {
                FitsFuzzing.exercise(file, LIMITS);
            } catch (Throwable t) {
                Path keep = dir.resolve("failing-" + n + ".fits");
                Files.write(keep, b);
                throw new AssertionError("mutant " + n + " (kept as " + keep + ") escaped with " + t, t);
            }
        }
    }

    private static byte[] defuseChecksums(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        for (String key : new String[] {"CHECKSUM=", "DATASUM ="}) {
            for (int at = s.indexOf(key); at >= 0; at = s.indexOf(key, at + 1)) {
                if (at % 80 == 0) {
                    System.arraycopy("COMMENT  ".getBytes(StandardCharsets.US_ASCII), 0, b, at, 9);
                }
            }
        }
        return b;
    }

    private static byte[] mutate(byte[] b, Random rnd) {
        int kind = rnd.nextInt(5);
        switch (kind) {
            case 0 -> { // flip bytes anywhere
                for (int k = 0, n = 1 + rnd.nextInt(20); k < n; k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> { // edit digits in header value fields (axes, BITPIX, ZTILE, PCOUNT, ...)
                for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
                    int card = rnd.nextInt(Math.min(b.length, 2880 * 3) / 80);
                    int pos = card * 80 + 10 + rnd.nextInt(20);
                    if (pos < b.length) {
                        b[pos] = (byte) "0123456789-9 '.E".charAt(rnd.nextInt(16));
                    }
                }
            }
            case 2 -> { // overwrite a run of data bytes with garbage
                int start = rnd.nextInt(b.length);
                for (int k = start; k < Math.min(b.length, start + 1 + rnd.nextInt(4000)); k++) {
                    b[k] = (byte) rnd.nextInt(256);
                }
            }
            case 3 -> { // truncate, possibly to a whole number of blocks
                int len = rnd.nextInt(b.length);
                if (rnd.nextBoolean()) {
                    len -= len % 2880;
                }
                return java.util.Arrays.copyOf(b, len);
            }
            default -> { // zero a block
                int block = rnd.nextInt(b.length / 2880);
                java.util.Arrays.fill(b, block * 2880, Math.min(b.length, block * 2880 + 2880), (byte) 0);
            }
        }
        return b;
    }
}
