package org.medoc.products.dem;

import org.medoc.archive.storage.Sha256;
import org.medoc.products.image.ColourMap;
import org.medoc.products.image.ColourScale;
import org.medoc.products.image.FitsKeyword;
import org.medoc.products.image.FitsProductWriter;
import org.medoc.products.image.MapPreview;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes the "maps of thermal properties of the corona" product for one AIA set: reads the channel files
 * ({@link AiaSetReader}), fits a Gaussian DEM per pixel ({@link DemFitter}), and writes one FITS file with the image
 * extensions EM, LOGT, WIDTH, CHI2 and NBANDS (each the size of the input, with its WCS and observation keywords,
 * plus provenance keywords in the primary header) and four PNG previews with colour bars. Display rule of the
 * previews: white where fewer than six bands are usable, grey where χ² &gt; {@value #CHI2_GREY} (with 6 bands and 3
 * parameters, P(χ²₃ &gt; 11) = 0.012), colour elsewhere.
 *
 * <p>Writing is idempotent: the files are named after the reference time and product version, written under a
 * temporary name and moved into place.
 */
public final class DemMapMaker {

    /** Previews grey out pixels whose χ² exceeds this (3 degrees of freedom, ≈ 1 % rejection level). */
    public static final double CHI2_GREY = 11;
    /** Product type, written as PRODTYPE. */
    public static final String PRODUCT_TYPE = "AIA_DEM_GAUSSIAN";
    static final int PREVIEW_SIDE = 1024;
    // the previews in the order they are written (the first is the catalogue's thumbnail), with their colour scales;
    // DemMapsRecipe's description gives their legends from these
    static final String EM_PREVIEW = "_em.png";
    static final String LOGT_PREVIEW = "_logt.png";
    static final String WIDTH_PREVIEW = "_width.png";
    static final String CHI2_PREVIEW = "_chi2.png";
    static final ColourScale EM_SCALE = new ColourScale(ColourMap.INFERNO, 1e25, 1e29, true, "EM [cm^-5]");
    static final ColourScale LOGT_SCALE = new ColourScale(ColourMap.RAINBOW, 5.7, 6.9, false, "log10 Tc [K]");
    static final ColourScale WIDTH_SCALE = new ColourScale(ColourMap.VIRIDIS, 0, 0.7, false, "sigma [dex]");
    static final ColourScale CHI2_SCALE = new ColourScale(ColourMap.INFERNO, 0, 2 * CHI2_GREY, false, "chi2");

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    /** Observation keywords carried from the reference channel into every HDU of the product. */
    private static final List<String> OBSERVATION_KEYWORDS = List.of("DATE-OBS", "T_OBS", "TELESCOP", "DSUN_OBS",
            "HGLN_OBS", "HGLT_OBS", "CRLN_OBS", "CRLT_OBS", "RSUN_OBS", "RSUN_REF");
    private static final List<String> WCS_KEYWORDS = List.of("WCSNAME", "CTYPE1", "CTYPE2", "CUNIT1", "CUNIT2", "CRPIX1",
            "CRPIX2", "CRVAL1", "CRVAL2", "CDELT1", "CDELT2", "CROTA2", "PC1_1", "PC1_2", "PC2_1", "PC2_2", "LONPOLE",
            "LATPOLE");

    private final DemFitter fitter;

    public DemMapMaker(DemFitter fitter) {
        this.fitter = fitter;
    }

    /** The standard fitter: grid log T 5.5–7.5 × σ 0.01–0.70 step 0.01, pre-flight calibration term, fast search. */
    public static DemMapMaker standard() {
        return new DemMapMaker(DemFitter.standard());
    }

    public DemFitter fitter() {
        return fitter;
    }

    /**
     * Reads an AIA set (any number of channel files among the six, any order), fits, writes the FITS product and
     * previews into outputDirectory.
     *
     * @throws InvalidDemInputException when the set cannot be fitted as given (the message says why)
     */
    public DemMapResult make(List<Path> channelFiles, Path outputDirectory, DemProvenance provenance) throws IOException {
        return make(channelFiles, outputDirectory, provenance, step -> { });
    }

    /** Told the name of each step of {@link #make} as it ends (the benchmark times the steps with it). */
    @FunctionalInterface
    interface StepListener {
        void ended(String step);
    }

    DemMapResult make(List<Path> channelFiles, Path outputDirectory, DemProvenance provenance, StepListener steps)
            throws IOException {
        // the inputs' SHA-256 on a thread of their own while the set is decoded: the reader leaves part of the
        // second processor idle, and the files are in the page cache once either has read them
        AiaSetReader.ReadSet set;
        Map<Path, String> sums;
        try (ExecutorService hasher = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("dem-hash")
                .daemon(true).factory())) {
            Future<Map<Path, String>> hashing = provenance.inputs().isEmpty() ? hasher.submit(() -> {
                Map<Path, String> out = new HashMap<>();
                for (Path file : channelFiles) {
                    out.put(file, Sha256.of(file));
                }
                return out;
            }) : null;
            set = AiaSetReader.read(channelFiles);
            steps.ended("read");
            sums = hashing == null ? Map.of() : hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the inputs");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException("cannot hash the inputs", e.getCause());
            }
        }
        Map<AiaChannel, AiaSetReader.Channel> channels = set.channels();
        AiaSetReader.Channel reference = channels.containsKey(AiaChannel.A193) ? channels.get(AiaChannel.A193)
                : channels.values().iterator().next();
        List<DemProvenance.InputFile> inputs = provenance.inputs().isEmpty() ? hashes(channels, sums)
                : provenance.inputs();
        steps.ended("hash inputs");
        DemMaps maps = fitter.fit(set.input());
        set = null; // the input rates are no longer needed: let them go before the output is assembled
        steps.ended("fit");

        int width = maps.width();
        int height = maps.height();
        long fitted = 0;
        long flagged = 0;
        long[] histogram = new long[fitter.grid().logTCount()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int bands = maps.bands()[y][x];
                if (bands < 6) {
                    flagged++;
                }
                float logT = maps.logTemperature()[y][x];
                if (!Float.isNaN(logT)) {
                    fitted++;
                    histogram[(int) Math.round((logT - fitter.grid().logTMin()) / fitter.grid().logTStep())]++;
                }
            }
        }
        double median = medianOf(histogram, fitted);
        steps.ended("summary");

        Files.createDirectories(outputDirectory);
        String base = "aia_dem_" + COMPACT.format(provenance.referenceTime()) + "_v" + provenance.productVersion()
                .replaceAll("[^A-Za-z0-9.-]", "_");
        Path fitsFile = outputDirectory.resolve(base + ".fits");
        TreeSet<Integer> wavelengths = new TreeSet<>();
        channels.keySet().forEach(c -> wavelengths.add(c.wavelengthAngstrom()));
        List<FitsKeyword> observation = FitsKeyword.copyFrom(reference.header(), OBSERVATION_KEYWORDS);
        List<FitsKeyword> wcs = FitsKeyword.copyFrom(reference.header(), WCS_KEYWORDS);
        // WCS keywords only where there are axes (fitsverify warns about them in the header-only primary HDU)
        List<FitsKeyword> primary = new ArrayList<>(observation);
        primary.addAll(productKeywords(provenance, inputs, wavelengths, maps, fitsFile, fitted,
                flagged, median, reference));
        List<FitsKeyword> perMap = new ArrayList<>(wcs);
        perMap.addAll(observation);
        List<FitsProductWriter.ImageExtension> extensions = List.of(
                new FitsProductWriter.ImageExtension("EM", maps.emissionMeasure(), "cm-5", perMap,
                        List.of("Total emission measure: integral of the DEM over log T.")),
                new FitsProductWriter.ImageExtension("LOGT", maps.logTemperature(), "log(K)", perMap,
                        List.of("log10 of the central temperature Tc of the DEM, K.")),
                new FitsProductWriter.ImageExtension("WIDTH", maps.widthDex(), "dex", perMap,
                        List.of("Gaussian width sigma of the DEM in log T, dex.")),
                new FitsProductWriter.ImageExtension("CHI2", maps.chiSquare(), null, perMap,
                        List.of("Chi-square of the best grid node: plain sum, not reduced.")),
                new FitsProductWriter.ImageExtension("NBANDS", maps.bands(), null, perMap,
                        List.of("Usable bands (finite, positive, unsaturated) of the pixel, 0-6.")));
        // the previews are encoded on their own threads while this one writes the FITS file: the tile compression
        // leaves part of the second processor idle (≈ 1.6 of 2 busy), and each only reads the maps
        List<Path> previews = writePreviews(outputDirectory, base, maps, reference, () -> {
            FitsProductWriter.write(fitsFile, primary, history(), extensions, FitsProductWriter.Layout.TILE_COMPRESSED);
            steps.ended("FITS write");
        });
        steps.ended("previews");
        return new DemMapResult(fitsFile, previews, width, height, wavelengths, fitted, flagged, median);
    }

    private List<FitsKeyword> productKeywords(DemProvenance provenance, List<DemProvenance.InputFile> inputs,
                                              TreeSet<Integer> wavelengths, DemMaps maps, Path fitsFile, long fitted,
                                              long flagged, double median, AiaSetReader.Channel reference) {
        DemGrid grid = fitter.grid();
        List<FitsKeyword> keys = new ArrayList<>();
        keys.add(new FitsKeyword("INSTRUME", "AIA", "input instrument"));
        keys.add(new FitsKeyword("ORIGIN", "medoc", "institution or software that made the file"));
        keys.add(new FitsKeyword("FILENAME", fitsFile.getFileName().toString(), ""));
        keys.add(new FitsKeyword("DATE", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .replace("Z", ""), "[UTC] file creation"));
        keys.add(new FitsKeyword("DATE-REF", DateTimeFormatter.ISO_INSTANT.format(provenance.referenceTime()).replace("Z", ""),
                "[UTC] reference time of the set"));
        keys.add(new FitsKeyword("PRODTYPE", PRODUCT_TYPE, "Gaussian DEM maps"));
        keys.add(new FitsKeyword("PRODVER", provenance.productVersion(), "product version"));
        keys.add(new FitsKeyword("CREATOR", "medoc " + provenance.softwareVersion(), "software and version"));
        keys.add(new FitsKeyword("DEMMETH", "Gaussian DEM in log T, chi2 grid search", "Guennou et al. 2012 ApJS 203 25"));
        keys.add(new FitsKeyword("DEMSRCH", fitter.search().name(), "grid search strategy (same optimum)"));
        keys.add(new FitsKeyword("DEMGRID", grid.describe(), "log Tc and sigma grid (min:max:step)"));
        keys.add(new FitsKeyword("DEMNODES", grid.nodeCount(), "grid nodes"));
        keys.add(new FitsKeyword("DEMQUAD", "rectangle rule +-6 sigma, step min(sigma/20, 0.005)", "DEM quadrature"));
        keys.add(new FitsKeyword("RESPTAB", "aia_tresp_en.csv V10 EVE-normalised", "AIA temperature responses"));
        keys.add(new FitsKeyword("RESPDEG", false, "responses have no degradation correction"));
        keys.add(new FitsKeyword("NOISEMOD", "aiapy estimate_error: shot dark read quant compress", "random terms"));
        keys.add(new FitsKeyword("NOISECAL", fitter.noise().calibration().name(), "calibration term of the noise"));
        keys.add(new FitsKeyword("DEMFSYS", fitter.noise().calibrationFraction(AiaChannel.A193),
                "calibration fraction (193 A; per channel for EVE)"));
        keys.add(new FitsKeyword("DEMSATDN", fitter.saturationDn(), "[DN] counts treated as saturated"));
        keys.add(new FitsKeyword("DEMMINB", DemFitter.MIN_BANDS, "fewest usable bands for a fit"));
        keys.add(new FitsKeyword("CHI2GREY", CHI2_GREY, "previews grey where CHI2 exceeds this"));
        keys.add(new FitsKeyword("CHANNELS", String.join(",", wavelengths.stream().map(String::valueOf).toList()),
                "[angstrom] channels read"));
        keys.add(new FitsKeyword("NCHANNEL", wavelengths.size(), "channels read"));
        keys.add(new FitsKeyword("REFCHAN", reference.channel().wavelengthAngstrom(), "[angstrom] channel of WCS and times"));
        keys.add(new FitsKeyword("NFITTED", fitted, "pixels fitted"));
        keys.add(new FitsKeyword("NFLAGGED", flagged, "pixels with fewer than 6 usable bands"));
        if (!Double.isNaN(median)) {
            keys.add(new FitsKeyword("MEDLOGT", median, "median LOGT of the fitted pixels"));
        }
        for (int i = 0; i < inputs.size() && i < 99; i++) {
            DemProvenance.InputFile input = inputs.get(i);
            String name = input.name().length() > 68 ? input.name().substring(input.name().length() - 68) : input.name();
            keys.add(new FitsKeyword("INFILE" + (i + 1), name, "input file"));
            keys.add(new FitsKeyword("INSHA" + (i + 1), input.sha256(), "SHA-256 of the input file"));
        }
        return keys;
    }

    private static List<String> history() {
        return List.of(
                "Gaussian DEM: D = EM/(s sqrt(2 pi)) exp(-(logT-logTc)^2/(2 s^2)),",
                "s = sigma = WIDTH,",
                "so that the integral of D over logT is EM.",
                "I_b = EM K_b(logTc, sigma), K_b = integral of R_b(logT) G(logT) dlogT.",
                "Per node: EM* = sum(I K w) / sum(K^2 w), w = 1/s^2,",
                "chi2 = sum(I^2 w) - sum(I K w)^2 / sum(K^2 w).",
                "s^2: aiapy estimate_error on the observed counts + calibration term.",
                "Method and references: medoc docs/algorithms/dem.md.",
                "Display rule: white where NBANDS < 6, grey where CHI2 > 11.");
    }

    /** Work done on the calling thread while the previews are encoded. */
    @FunctionalInterface
    private interface Beside {
        void run() throws IOException;
    }

    private List<Path> writePreviews(Path directory, String base, DemMaps maps, AiaSetReader.Channel reference,
                                     Beside beside) throws IOException {
        // the display rule, asked only for the pixels a preview shows (one in 16 of a 4096² map)
        byte[][] bands = maps.bands();
        float[][] chi2 = maps.chiSquare();
        MapPreview.PixelClasses whiteOnly = (y, x) -> bands[y][x] < 6 ? MapPreview.WHITE : MapPreview.COLOUR;
        MapPreview.PixelClasses classes = (y, x) -> bands[y][x] < 6 ? MapPreview.WHITE
                : !(chi2[y][x] <= CHI2_GREY) ? MapPreview.GREY : MapPreview.COLOUR;
        String time = reference.header().string("DATE-OBS");
        String when = time == null ? "" : " " + time.replace('T', ' ').replaceFirst("\\.\\d+$", "");
        List<Callable<Path>> previews = List.of(
                preview(directory, base + EM_PREVIEW, maps.emissionMeasure(), classes, EM_SCALE, "AIA DEM  EM" + when),
                preview(directory, base + LOGT_PREVIEW, maps.logTemperature(), classes, LOGT_SCALE, "AIA DEM  log Tc" + when),
                preview(directory, base + WIDTH_PREVIEW, maps.widthDex(), classes, WIDTH_SCALE, "AIA DEM  width" + when),
                preview(directory, base + CHI2_PREVIEW, maps.chiSquare(), whiteOnly, CHI2_SCALE, "AIA DEM  chi2" + when));
        // the four previews are independent (each reads the maps, writes its own file): encode them side by side, at
        // most one per processor, and keep their order (the first is the catalogue's thumbnail)
        int threads = Math.min(previews.size(), Runtime.getRuntime().availableProcessors());
        List<Path> files = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dem-preview-", 0)
                .daemon(true).factory())) {
            List<Future<Path>> written = new ArrayList<>();
            for (Callable<Path> preview : previews) {
                written.add(pool.submit(preview));
            }
            beside.run();
            for (Future<Path> file : written) {
                files.add(file.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the previews of " + base);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException("cannot write the previews of " + base, e.getCause());
            }
        }
        return files;
    }

    private static Callable<Path> preview(Path directory, String name, float[][] values, MapPreview.PixelClasses classes,
                                          ColourScale scale, String title) {
        return () -> {
            Path file = directory.resolve(name);
            MapPreview.writeByPixel(file, values, classes, scale, title, PREVIEW_SIDE);
            return file;
        };
    }

    /** The inputs in channel order with their SHA-256 (from {@code sums}, hashed here for a file not in it). */
    private static List<DemProvenance.InputFile> hashes(Map<AiaChannel, AiaSetReader.Channel> channels,
                                                        Map<Path, String> sums) throws IOException {
        List<DemProvenance.InputFile> inputs = new ArrayList<>();
        for (AiaSetReader.Channel channel : channels.values()) {
            String sum = sums.get(channel.file());
            inputs.add(new DemProvenance.InputFile(channel.file().getFileName().toString(),
                    sum != null ? sum : Sha256.of(channel.file())));
        }
        return inputs;
    }

    /** Median of the grid-node histogram of log Tc (exact: the fitted values are grid nodes). */
    private double medianOf(long[] histogram, long count) {
        if (count == 0) {
            return Double.NaN;
        }
        long half = (count - 1) / 2;
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen > half) {
                return Math.round(fitter.grid().logT(i) * 1e6) / 1e6;
            }
        }
        return Double.NaN;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
