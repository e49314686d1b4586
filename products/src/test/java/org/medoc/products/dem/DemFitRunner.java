package org.medoc.products.dem;

import java.nio.file.*;
import java.util.*;

/**
 * One build's side of {@link DemFitAbBench}: reads the set, keeps every {@code step}-th row and fits it on one thread per
 * call ({@code -Ddem.ab.threads=n} for n threads, {@code -Ddem.ab.band=n} for n contiguous central rows instead,
 * {@code -Ddem.ab.group=g} for every step-th group of g contiguous rows; public API only, so that it runs against any build of the products classes). Not part of the test run.
 */
public final class DemFitRunner implements java.util.function.Supplier<String> {
    private final DemInput cut;
    private final DemFitter fitter = DemFitter.standard().withThreads(Integer.getInteger("dem.ab.threads", 1));

    public DemFitRunner(String dir, int step, int offset) throws Exception {
        List<Path> files;
        try (var list = Files.list(Path.of(dir))) { files = list.filter(p -> p.toString().endsWith(".fits")).sorted().toList(); }
        DemInput input = AiaSetReader.read(files).input();
        int width = input.width();
        // -Ddem.ab.band=n: n contiguous rows from the centre instead (the tiled search needs neighbouring rows)
        int band = Integer.getInteger("dem.ab.band", 0);
        int first = band > 0 ? (input.height() - band) / 2 : offset;
        int every = band > 0 ? 1 : step;
        // -Ddem.ab.group=g: every step-th group of g contiguous rows (the whole disc, in tiles of neighbouring rows)
        int group = band > 0 ? 1 : Integer.getInteger("dem.ab.group", 1);
        List<Integer> kept = new ArrayList<>();
        for (int r = first; r < input.height() && kept.size() < (band > 0 ? band : Integer.MAX_VALUE);
             r += group == 1 ? every : 1) {
            if (group == 1 || ((r - first) / group) % step == 0) kept.add(r);
        }
        int rows = kept.size();
        Map<AiaChannel, float[]> rates = new EnumMap<>(AiaChannel.class);
        input.rates().forEach((channel, values) -> {
            float[] c = new float[rows * width];
            for (int r = 0; r < rows; r++) System.arraycopy(values, kept.get(r) * width, c, r * width, width);
            rates.put(channel, c);
        });
        cut = new DemInput(width, rows, rates, input.exposureSeconds(), input.pixelsAveraged());
    }

    /** one fit; returns a checksum of the maps */
    @Override
    public String get() {
        DemMaps maps = fitter.fit(cut);
        double sum = 0;
        for (float[] row : maps.logTemperature()) for (float v : row) if (!Float.isNaN(v)) sum += v;
        for (float[] row : maps.widthDex()) for (float v : row) if (!Float.isNaN(v)) sum += v;
        return cut.width() * (long) cut.height() + " " + sum;
    }
}
