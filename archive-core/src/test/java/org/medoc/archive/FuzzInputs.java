package org.medoc.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Inputs of the ingest fuzz targets: the fuzzer's bytes, alone or after the first cards of a real sample header. */
public final class FuzzInputs {

    private FuzzInputs() {
    }

    /**
     * The first {@code keepCards} cards of sample {@code seeds[seed]} followed by {@code tail}, or {@code tail} alone
     * when {@code seed} is past the list: reaches the normaliser with plausible keywords.
     */
    public static byte[] realHeaderThen(List<String> seeds, int seed, int keepCards, byte[] tail) throws IOException {
        if (seed >= seeds.size()) {
            return tail;
        }
        byte[] real = Files.readAllBytes(ArchiveTestApplication.sampleFits().resolve(seeds.get(seed)));
        int keep = Math.min(real.length, keepCards * 80);
        byte[] bytes = new byte[keep + tail.length];
        System.arraycopy(real, 0, bytes, 0, keep);
        System.arraycopy(tail, 0, bytes, keep, tail.length);
        return bytes;
    }
}
