package org.medoc.demo;

import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.SharpSegment;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.currents.CurrentMapsRecipe;
import org.medoc.products.dem.DemSyntheticSets;
import org.medoc.products.synoptic.SyntheticSun;
import org.medoc.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * In demo mode (the default with the embedded database), fills an empty archive so that a newcomer has something
 * to click through: for yesterday, four AIA six-channel sets made by {@link DemSyntheticSets} from known DEM maps
 * (active region, quiet Sun, coronal hole, off-limb, half an hour apart, with realistic noise), EIT, SHARP-like and
 * SPICE-like files made by {@link DemoObservations}, full-disc AIA and STEREO/EUVI views of a {@link SyntheticSun} for the
 * synoptic maps, the real sample files packaged in the application
 * ({@link DemoSamples}, extracted to {@code ${medoc.data-dir}/demo/samples}) and, when set, those of the extra directory
 * {@code medoc.demo.samples-dir}, then asks the product chains to scan, so that the demo's products (DEM maps of its
 * AIA sets, current maps of the SHARP sample) are made at once. Runs once: an archive that already holds demo data
 * is left alone, and ingest is idempotent anyway.
 */
@Component
class DemoArchiveSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoArchiveSeeder.class);
    private final Environment environment;
    private final IngestService ingest;
    private final CatalogueService catalogue;
    private final ProductChain chain;

    DemoArchiveSeeder(Environment environment, IngestService ingest, CatalogueService catalogue, ProductChain chain) {
        this.environment = environment;
        this.ingest = ingest;
        this.catalogue = catalogue;
        this.chain = chain;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (!DemoAccounts.enabled(environment) || !environment.getProperty("medoc.demo.archive", Boolean.class, true)) {
            return;
        }
        boolean seeded = catalogue.holdsObservationWithHeader("ORIGIN", "medoc demo");
        if (seeded) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("medoc.data-dir", "./medoc-data")).toAbsolutePath().normalize();
        Path demoDir = dataDir.resolve("demo");
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<Path> paths = new ArrayList<>(new DemoObservations(256, 2026).write(demoDir, start, 0));
        DemSyntheticSets aia = new DemSyntheticSets();
        DemSyntheticSets.Scene[] scenes = {DemSyntheticSets.Scene.ACTIVE_REGION, DemSyntheticSets.Scene.QUIET_SUN,
                DemSyntheticSets.Scene.CORONAL_HOLE, DemSyntheticSets.Scene.OFF_LIMB};
        for (int set = 0; set < scenes.length; set++) {
            paths.addAll(aia.write(scenes[set], 256, start.plus(Duration.ofMinutes(30L * set)), 2026 + set, true,
                    demoDir.resolve("aia")).files());
        }
        // a Sun whose features live in Carrington coordinates, seen in 304 Å every 6 h until today 00:00 from Earth (AIA)
        // and every 12 h from STEREO-A 90° west (EUVI): today's synoptic nowcast and the days around it. (304 Å is not a
        // DEM channel, so these maps are not mixed with the DEM sets' different synthetic corona.)
        SyntheticSun sun = new SyntheticSun(start.minus(Duration.ofDays(10)), 2026);
        Instant today = start.plus(Duration.ofHours(12));
        for (int hours = -36; hours <= 0; hours += 6) {
            Instant time = today.plus(Duration.ofHours(hours));
            paths.add(sun.writeAia(demoDir.resolve("synoptic"), time, 304, 256));
            if (hours % 12 == 0) {
                paths.add(sun.writeEuvi(demoDir.resolve("synoptic"), time, 304, 256, 90));
            }
        }
        List<Path> samples = DemoSamples.extract(demoDir.resolve("samples"));
        if (samples.isEmpty()) {
            log.warn("Demo archive: this build of medoc packs no real sample files (built without testdata/fits)");
        }
        paths.addAll(samples);
        // an optional extra directory of files to show in the demo, beside the packaged samples
        String extra = environment.getProperty("medoc.demo.samples-dir", "");
        Path extraSamples = extra.isBlank() ? null : Path.of(extra).toAbsolutePath().normalize();
        if (extraSamples != null && !Files.isDirectory(extraSamples)) {
            log.warn("Demo archive: medoc.demo.samples-dir {} is not a directory, left out", extraSamples);
            extraSamples = null;
        }
        if (extraSamples != null) {
            paths.add(extraSamples);
        }
        IngestReport report = ingest.ingest(paths, "demo data");
        log.info("Demo archive: {} (synthetic set for {}, {} real sample files{})", report.summary(), start, samples.size(),
                extraSamples != null ? ", and the files of " + extraSamples : "");
        // the product chains make the demo's products now rather than at their next scan
        int scheduled = chain.scanNow() + scheduleSampleCurrentMaps();
        if (scheduled > 0) {
            log.info("Demo archive: {} products scheduled on the product chains", scheduled);
        }
    }

    /**
     * The packaged SHARP sample (HARP 377, 2011) lies far beyond the scan's look-back: its current maps are scheduled
     * here over the span of the catalogued SHARP segments, so that the demo shows a current map at once.
     */
    private int scheduleSampleCurrentMaps() {
        if (!chain.types().contains(CurrentMapsRecipe.TYPE)) {
            return 0;
        }
        List<SharpSegment> segments = catalogue.sharpSegments(Instant.EPOCH, Instant.now());
        if (segments.isEmpty()) {
            return 0;
        }
        Instant first = segments.getFirst().dateObs();
        Instant last = segments.getLast().dateObs();
        return chain.scheduleRange(CurrentMapsRecipe.TYPE, first.minus(Duration.ofHours(3)), last.plus(Duration.ofHours(3)));
    }
}
