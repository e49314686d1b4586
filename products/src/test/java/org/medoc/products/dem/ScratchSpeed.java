package org.medoc.products.dem;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

public class ScratchSpeed {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        DemFitter fitter = DemFitter.standard().withThreads(Integer.parseInt(args[1]));
        System.out.println("tables " + (System.nanoTime() - t0) / 1e6 + " ms");
        GaussianDemModel model = GaussianDemModel.standard();
        AiaNoiseModel random = AiaNoiseModel.randomOnly();
        SplittableRandom rnd = new SplittableRandom(1);
        int n = Integer.parseInt(args[0]);
        int width = 500;
        int height = n / width;
        n = width * height;
        double[] exp = {2.9, 2.9, 2.0, 2.0, 2.9, 2.9};
        Map<AiaChannel, float[]> rates = new EnumMap<>(AiaChannel.class);
        Map<AiaChannel, Double> exposure = new EnumMap<>(AiaChannel.class);
        for (AiaChannel c : AiaChannel.values()) { rates.put(c, new float[n]); exposure.put(c, exp[c.ordinal()]); }
        double[][] grid = new double[n][6];
        for (int i = 0; i < n; i++) {
            double lt = 5.8 + rnd.nextDouble() * 1.0;
            double w = 0.02 + rnd.nextDouble() * 0.5;
            double em = Math.pow(10, 26 + 2 * rnd.nextDouble());
            double[] I = model.intensities(Math.round(lt * 100) / 100.0, Math.round(w * 100) / 100.0, em);
            for (int b = 0; b < 6; b++) {
                AiaChannel ch = AiaChannel.values()[b];
                double sd = Math.sqrt(random.rateVariance(ch, I[b], exp[b], 1));
                rates.get(ch)[i] = (float) (I[b] + sd * rnd.nextGaussian());
            }
        }
        DemInput input = new DemInput(width, height, rates, exposure, 1);
        DemMaps ref = null;
        for (int rep = 0; rep < 4; rep++) {
            t0 = System.nanoTime();
            DemMaps maps = fitter.fit(input);
            double dt = (System.nanoTime() - t0) / 1e9;
            System.out.printf("bnb: %.0f px/s%n", n / dt);
            ref = maps;
        }
        long evals = 0;
        for (int i = 0; i < 2000; i++) {
            double[] r = new double[6];
            for (int b = 0; b < 6; b++) r[b] = rates.get(AiaChannel.values()[b])[i];
            evals += fitter.fitPixel(r, exp, 1).nodesEvaluated();
        }
        System.out.println("evals/px " + evals / 2000.0);
        int m = Math.min(height, Integer.parseInt(args[2]));
        DemInput small = new DemInput(width, m, sub(rates, width * m), exposure, 1);
        t0 = System.nanoTime();
        DemMaps ex = fitter.withSearch(DemFitter.Search.EXHAUSTIVE).fit(small);
        double dt = (System.nanoTime() - t0) / 1e9;
        int agree = 0;
        for (int y = 0; y < m; y++) for (int x = 0; x < width; x++)
            if (ex.logTemperature()[y][x] == ref.logTemperature()[y][x] && ex.widthDex()[y][x] == ref.widthDex()[y][x]) agree++;
            else { double[] r = new double[6]; for (int b = 0; b < 6; b++) r[b] = rates.get(AiaChannel.values()[b])[y*width+x];
              System.out.println(fitter.fitPixel(r, exp, 1) + " vs " + fitter.withSearch(DemFitter.Search.EXHAUSTIVE).fitPixel(r, exp, 1)); }
        System.out.printf("exhaustive %.0f px/s agree %d/%d%n", width * m / dt, agree, width * m);
    }
    static Map<AiaChannel, float[]> sub(Map<AiaChannel, float[]> r, int n) {
        Map<AiaChannel, float[]> o = new EnumMap<>(AiaChannel.class);
        r.forEach((k, v) -> o.put(k, java.util.Arrays.copyOf(v, n)));
        return o;
    }
}
