package org.medoc.ops.golf.bench;

import org.medoc.MedocApplication;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImportReport;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.HkPlotService;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.hk.PlotSeries;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * GOLF housekeeping benchmark (docs/benchmarks.md): imports {@code years} of one-minute samples of one parameter
 * (streamed CSV, generated on the fly) and reports samples per second, then times plot queries of 1000 bins over
 * random ranges from an hour to the whole series and reports median and p95 per range length.
 * Arguments: years (default 10), queries per range length (default 50). Uses a fresh embedded PostgreSQL under
 * {@code target/golf-bench}.
 */
public final class GolfBench {

    private GolfBench() {
    }

    public static void main(String[] args) throws Exception {
        int years = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        SpringApplication application = new SpringApplication(MedocApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("medoc.demo", "false", "medoc.data-dir", "target/golf-bench/" + System.nanoTime(),
                "medoc.node.role", "web", "logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "spring.autoconfigure.exclude", String.join(",", "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig")));
        try (ConfigurableApplicationContext context = application.run()) {
            HkCatalogueService catalogue = context.getBean(HkCatalogueService.class);
            HkImporter importer = context.getBean(HkImporter.class);
            HkPlotService plots = context.getBean(HkPlotService.class);
            HkParameter parameter = catalogue.create(new HkCatalogueService.ParameterInput("BENCH_OVEN_TEMP", "bench",
                    HkParameter.Subsystem.OVEN, "degC", Calibration.polynomial(0, 0.01), 60));
            Instant start = Instant.parse("2016-01-01T00:00:00Z");
            Instant end = start.plus(Duration.ofDays(365L * years));
            catalogue.setLimits(parameter.mnemonic(), start, new Limits(null, 202.0, null, 203.0, null, 206.0), "bench", "bench");
            long samples = Duration.between(start, end).toMinutes();

            long t0 = System.nanoTime();
            HkImportReport report = importer.importStream(generated(parameter.mnemonic(), start, samples), "bench.csv",
                    HkImporter.Format.CSV, "bench", read -> {
                        if (read % 1_000_000 == 0) {
                            System.out.printf(Locale.ROOT, "… %,d samples%n", read);
                        }
                    });
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "import: %,d samples in %.1f s = %,.0f samples/s (%d alarms raised)%n",
                    report.samplesAdded(), seconds, report.samplesAdded() / seconds, report.alarmsRaised());

            Map<String, Duration> lengths = new LinkedHashMap<>();
            lengths.put("1 hour", Duration.ofHours(1));
            lengths.put("1 day", Duration.ofDays(1));
            lengths.put("1 week", Duration.ofDays(7));
            lengths.put("1 month", Duration.ofDays(30));
            lengths.put("1 year", Duration.ofDays(365));
            lengths.put("whole series", Duration.between(start, end));
            Random random = new Random(1);
            List<Double> all = new ArrayList<>();
            for (Map.Entry<String, Duration> length : lengths.entrySet()) {
                List<Double> times = new ArrayList<>();
                long room = Duration.between(start, end).minus(length.getValue()).toSeconds();
                for (int i = 0; i < queries + 3; i++) {
                    Instant from = start.plusSeconds(room == 0 ? 0 : (long) (random.nextDouble() * room));
                    long q0 = System.nanoTime();
                    PlotSeries series = plots.series(parameter.mnemonic(), from, from.plus(length.getValue()), 1000);
                    double ms = (System.nanoTime() - q0) / 1e6;
                    if (i >= 3) { // the first queries warm the JIT and the caches
                        times.add(ms);
                        all.add(ms);
                    }
                    if (series.points().isEmpty()) {
                        throw new IllegalStateException("no bins for " + length.getKey());
                    }
                }
                System.out.printf(Locale.ROOT, "plot %-12s (1000 bins, %s): median %.1f ms, p95 %.1f ms%n", length.getKey(),
                        plots.series(parameter.mnemonic(), start, start.plus(length.getValue()), 1000).source(),
                        percentile(times, 0.5), percentile(times, 0.95));
            }
            System.out.printf(Locale.ROOT, "plot, all ranges: median %.1f ms, p95 %.1f ms over %d queries%n",
                    percentile(all, 0.5), percentile(all, 0.95), all.size());
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    static InputStream generated(String mnemonic, Instant start, long samples) {
        // a slow oscillation, a little noise, and a short excursion every 100,000 minutes (alarms to raise)
        return GolfFixtures.generatedCsv(samples, next -> start.plusSeconds(60 * next) + "," + mnemonic + ","
                + (20000 + 30 * Math.sin(next / 720.0 * Math.PI) + (next % 13) + (next % 100_000 < 30 ? 350 : 0)));
    }
}
