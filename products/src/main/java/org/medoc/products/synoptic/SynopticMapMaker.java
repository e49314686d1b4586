package org.medoc.products.synoptic;

import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsHeader;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.fits.ImagePlane;
import org.medoc.products.image.ColourMap;
import org.medoc.products.image.ColourScale;
import org.medoc.products.image.FitsKeyword;
import org.medoc.products.image.FitsProductWriter;
import org.medoc.products.image.MapPreview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Makes one channel's synoptic map from its input files: reads each (archive-core's guarded FITS reader), takes its
 * geometry from its header ({@link ImageGeometry}), turns counts into rates (÷ EXPTIME unless BUNIT is already per
 * second), merges them onto the Carrington grid ({@link SynopticAccumulator}, one image in memory at a time) and writes
 * one FITS file with the RADIANCE, AGE and SOURCE maps and the INPUTS table, plus PNG previews of the radiance and of
 * the age. An input that cannot be used (no geometry, unreadable) is left out and named in the result, not fatal.
 */
public final class SynopticMapMaker {

    public static final String RADIANCE_PREVIEW = "_radiance.png";
    public static final String AGE_PREVIEW = "_age.png";
    private static final int PREVIEW_SIDE = 1024;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final SynopticParameters parameters;

    public SynopticMapMaker(SynopticParameters parameters) {
        this.parameters = parameters;
    }

    public SynopticParameters parameters() {
        return parameters;
    }

    /** One input file with what provenance records of it. */
    public record Input(Path file, String fileName, String sha256) {
    }

    /** What was made for one channel. */
    public record Result(SynopticChannel channel, Path fitsFile, Path radiancePreview, Path agePreview, int inputsUsed,
                         int secondViewpointInputs, double coverage, double surfaceCoverage, List<String> rejected) {
    }

    /** Provenance written to every map's primary header. */
    public record Provenance(String softwareVersion, String productVersion, MapKind kind) {
    }

    /** The map of {@code channel} at {@code referenceTime} from {@code inputs}; null when no input could be used. */
    public Result make(SynopticChannel channel, List<Input> inputs, Instant referenceTime, Path outputDirectory,
                       Provenance provenance) throws IOException {
        SynopticAccumulator accumulator = new SynopticAccumulator(parameters, referenceTime);
        List<String> rejected = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Input input : inputs) {
            SynopticImage image;
            try {
                image = read(input);
            } catch (InvalidSynopticInputException e) {
                rejected.add(input.fileName() + ": " + e.getMessage());
                continue;
            }
            accumulator.add(image, rows.size());
            rows.add(new Row(image));
        }
        if (rows.isEmpty()) {
            return null;
        }
        SynopticMaps maps = accumulator.finish();
        Files.createDirectories(outputDirectory);
        String base = "synoptic_" + channel.key() + "_" + COMPACT.format(referenceTime) + "_v" + provenance.productVersion();
        Path fits = outputDirectory.resolve(base + ".fits");
        writeFits(fits, channel, maps, rows, provenance);
        Path radiancePreview = outputDirectory.resolve(base + RADIANCE_PREVIEW);
        Path agePreview = outputDirectory.resolve(base + AGE_PREVIEW);
        String date = ISO.format(referenceTime).substring(0, 16).replace('T', ' ');
        MapPreview.write(radiancePreview, maps.radiance(), null, radianceScale(maps.radiance()),
                channel.title() + " synoptic " + date + " (" + provenance.kind().label() + ")", PREVIEW_SIDE);
        MapPreview.write(agePreview, maps.ageHours(), null, ageScale(maps.ageHours()),
                channel.title() + " |t_ref − t_obs| " + date, PREVIEW_SIDE);
        int euvi = (int) rows.stream().filter(row -> row.instrument().startsWith("EUVI")).count();
        return new Result(channel, fits, radiancePreview, agePreview, rows.size(), euvi, maps.coverage(),
                maps.surfaceCoverage(), rejected);
    }

    /** One input as the INPUTS table lists it. */
    private record Row(String instrument, int wavelength, Instant time, double carringtonLongitude, double latitude,
                       String fileName, String sha256) {
        Row(SynopticImage image) {
            this(image.instrument(), image.wavelengthAngstrom(), image.time(),
                    image.geometry().observer().carringtonLongitudeDeg(), image.geometry().observer().latitudeDeg(),
                    image.fileName(), image.sha256());
        }
    }

    /** Reads one input into rates with its geometry. */
    static SynopticImage read(Input input) throws IOException {
        String name = input.fileName();
        FitsInspection inspection;
        try {
            inspection = FitsInspector.inspect(input.file(), FitsLimits.defaults());
        } catch (FitsRejectedException e) {
            throw new InvalidSynopticInputException("not a readable FITS file: " + e.getMessage());
        }
        FitsHduInfo hdu = inspection.primaryImage();
        if (hdu == null || hdu.imageAxes().length < 2) {
            throw new InvalidSynopticInputException("no 2-D image in the file");
        }
        FitsHeader header = merged(inspection.hdus().getFirst().header(), hdu.header());
        ImagePlane plane;
        try {
            plane = FitsImageReader.readPlane(input.file(), inspection, hdu, FitsLimits.defaults());
        } catch (FitsRejectedException e) {
            throw new InvalidSynopticInputException(e.getMessage());
        }
        ImageGeometry geometry = ImageGeometry.fromHeader(header, plane.width(), plane.height());
        float[] values = plane.values();
        String unit = header.string("BUNIT") == null ? "" : header.string("BUNIT").toLowerCase(Locale.ROOT).replace(" ", "");
        boolean rate = unit.contains("/s") || unit.contains("s-1") || unit.contains("s^-1");
        if (!rate) {
            Double exposure = header.number("EXPTIME");
            if (exposure == null || !(exposure > 0)) {
                throw new InvalidSynopticInputException("BUNIT '" + header.string("BUNIT") + "' is not a rate and EXPTIME "
                        + "is missing or not positive: cannot turn counts into DN/s");
            }
            float inverse = (float) (1 / exposure);
            for (int i = 0; i < values.length; i++) {
                values[i] *= inverse;
            }
        }
        Double wavelength = header.number("WAVELNTH");
        return new SynopticImage(geometry, values, instrument(header), wavelength == null ? 0 : (int) Math.round(wavelength),
                name, input.sha256());
    }

    /** Keywords of the image HDU win over the primary's (tile-compressed files keep the image header in HDU 1). */
    private static FitsHeader merged(FitsHeader primary, FitsHeader image) {
        if (primary == image) {
            return image;
        }
        List<org.medoc.archive.fits.FitsCard> cards = new ArrayList<>(image.cards());
        cards.addAll(primary.cards());
        return new FitsHeader(cards);
    }

    /** "AIA", "EIT", "EUVI-A": the instrument as the INPUTS table names it. */
    static String instrument(FitsHeader header) {
        String detector = header.string("DETECTOR");
        String instrume = header.string("INSTRUME");
        if (detector != null && detector.trim().equalsIgnoreCase("EUVI")) {
            String observatory = header.string("OBSRVTRY");
            String spacecraft = observatory == null ? "" : observatory.trim().toUpperCase(Locale.ROOT);
            return "EUVI" + (spacecraft.endsWith("A") ? "-A" : spacecraft.endsWith("B") ? "-B" : "");
        }
        if (instrume != null && instrume.trim().toUpperCase(Locale.ROOT).startsWith("AIA")) {
            return "AIA";
        }
        return instrume == null ? "unknown" : instrume.trim().toUpperCase(Locale.ROOT);
    }

    private void writeFits(Path file, SynopticChannel channel, SynopticMaps maps, List<Row> rows, Provenance provenance)
            throws IOException {
        Instant reference = maps.referenceTime();
        List<FitsKeyword> primary = new ArrayList<>(List.of(
                new FitsKeyword("PRODTYPE", "synoptic", "synchronous synoptic map"),
                new FitsKeyword("PRODVER", provenance.productVersion(), "product (recipe) version"),
                new FitsKeyword("SOFTWARE", clip(provenance.softwareVersion()), "software that made it"),
                new FitsKeyword("MAPKIND", provenance.kind().label(), "archive, nowcast or forecast"),
                new FitsKeyword("DATE-OBS", ISO.format(reference), "[UTC] reference time of the map"),
                new FitsKeyword("DATE-REF", ISO.format(reference), "[UTC] reference time of the map"),
                new FitsKeyword("TELESCOP", channel.instrument().equals("AIA") ? "SDO/AIA" : "SOHO", "main instrument"),
                new FitsKeyword("INSTRUME", channel.instrument(), "main instrument"),
                new FitsKeyword("WAVELNTH", channel.wavelengthAngstrom(), "[angstrom] channel"),
                new FitsKeyword("WAVEUNIT", "angstrom", ""),
                new FitsKeyword("DIFFROT", parameters.rotation().name().toLowerCase(Locale.ROOT), "differential rotation model"),
                new FitsKeyword("MUMIN", parameters.muMinimum(), "cells kept where mu >= MUMIN"),
                new FitsKeyword("WTAU", parameters.timeScale().toMinutes() / 1440.0, "[d] w = mu exp(-|dt|/WTAU)"),
                new FitsKeyword("NINPUTS", rows.size(), "images merged (rows of INPUTS)"),
                new FitsKeyword("COVERAGE", round(maps.coverage()), "fraction of grid cells with a value"),
                new FitsKeyword("SURFCOV", round(maps.surfaceCoverage()), "fraction of the solar surface covered")));
        List<String> history = List.of(
                "Merged after Auchere et al. 2005: each image differentially rotated",
                "to DATE-REF, pulled onto the grid with bilinear interpolation,",
                "weights w = mu * exp(-|t_ref - t_obs| / WTAU) for mu >= MUMIN,",
                "value = sum(w I) / sum(w), NaN where nothing was observed.");
        List<FitsKeyword> wcs = wcs(maps.grid(), reference);
        List<FitsKeyword> sourceKeywords = new ArrayList<>(wcs);
        sourceKeywords.add(new FitsKeyword("BLANK", (int) SynopticAccumulator.NO_SOURCE, "no input observed this cell"));
        List<FitsProductWriter.ImageExtension> images = List.of(
                new FitsProductWriter.ImageExtension("RADIANCE", maps.radiance(), "DN/s", wcs,
                        List.of("Merged radiance, DN/s per input pixel (no cross-calibration).")),
                new FitsProductWriter.ImageExtension("AGE", maps.ageHours(), "h", wcs,
                        List.of("Weighted mean |t_ref - t_obs| of the contributions, hours.")),
                new FitsProductWriter.ImageExtension("SOURCE", maps.source(), null, sourceKeywords,
                        List.of("Row (0-based) of INPUTS with the largest weight in the cell.")));
        int n = rows.size();
        int[] index = new int[n];
        String[] instrument = new String[n];
        int[] wavelength = new int[n];
        String[] time = new String[n];
        float[] age = new float[n];
        float[] longitude = new float[n];
        float[] latitude = new float[n];
        String[] fileName = new String[n];
        String[] sha256 = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            index[i] = i;
            instrument[i] = row.instrument();
            wavelength[i] = row.wavelength();
            time[i] = ISO.format(row.time());
            age[i] = (float) (Duration.between(row.time(), reference).toNanos() / 3.6e12);
            longitude[i] = (float) row.carringtonLongitude();
            latitude[i] = (float) row.latitude();
            fileName[i] = row.fileName() == null ? "" : row.fileName();
            sha256[i] = row.sha256() == null ? "" : row.sha256();
        }
        FitsProductWriter.TableExtension inputs = new FitsProductWriter.TableExtension("INPUTS",
                List.of("INDEX", "INSTRUME", "WAVELNTH", "DATE_OBS", "DT_HOURS", "CRLN_OBS", "CRLT_OBS", "FILENAME", "SHA256"),
                Arrays.asList("", "", "angstrom", "", "h", "deg", "deg", "", ""),
                List.of(index, padded(instrument), wavelength, padded(time), age, longitude, latitude, padded(fileName),
                        padded(sha256)));
        FitsProductWriter.write(file, primary, history, images, List.of(inputs));
    }

    /** The CAR WCS of the grid: longitudes 0–360 (CRVAL1 = 180 at the centre), latitudes −90…90. */
    static List<FitsKeyword> wcs(CarringtonGrid grid, Instant reference) {
        return List.of(
                new FitsKeyword("WCSNAME", "Carrington-Heliographic", ""),
                new FitsKeyword("CTYPE1", "CRLN-CAR", "Carrington longitude"),
                new FitsKeyword("CTYPE2", "CRLT-CAR", "Carrington latitude"),
                new FitsKeyword("CUNIT1", "deg", ""),
                new FitsKeyword("CUNIT2", "deg", ""),
                new FitsKeyword("CRPIX1", grid.columns() / 2.0 + 0.5, ""),
                new FitsKeyword("CRPIX2", grid.rows() / 2.0 + 0.5, ""),
                new FitsKeyword("CRVAL1", 180.0, "[deg]"),
                new FitsKeyword("CRVAL2", 0.0, "[deg]"),
                new FitsKeyword("CDELT1", grid.longitudeStepDeg(), "[deg]"),
                new FitsKeyword("CDELT2", grid.latitudeStepDeg(), "[deg]"),
                new FitsKeyword("DATE-OBS", ISO.format(reference), "[UTC] reference time"),
                new FitsKeyword("RSUN_REF", SolarObserver.SDO_RADIUS_METRES, "[m]"));
    }

    /** Strings of one width, so that the table column has a fixed TFORM (nom-tam pads to the longest). */
    private static String[] padded(String[] values) {
        int width = Math.max(1, Arrays.stream(values).mapToInt(String::length).max().orElse(1));
        return Arrays.stream(values).map(v -> String.format("%-" + width + "s", v)).toArray(String[]::new);
    }

    private static String clip(String text) {
        return text.length() > 68 ? text.substring(0, 68) : text;
    }

    private static double round(double fraction) {
        return Math.round(fraction * 1e5) / 1e5;
    }

    /** Logarithmic, from the 1st to the 99.5th percentile of the finite positive values. */
    static ColourScale radianceScale(float[][] map) {
        double[] range = percentiles(map, 0.01, 0.995);
        double low = range[0] > 0 ? range[0] : 1;
        double high = range[1] > low ? range[1] : low * 10;
        return new ColourScale(ColourMap.INFERNO, low, high, true, "radiance [DN/s]");
    }

    /** Linear from 0 to the 99th percentile of the age, rounded up to whole days (at least one). */
    static ColourScale ageScale(float[][] map) {
        double p99 = percentiles(map, 0.99, 0.99)[0];
        double high = Double.isNaN(p99) ? 24 : Math.max(24, Math.ceil(p99 / 24) * 24);
        return new ColourScale(ColourMap.VIRIDIS, 0, high, false, "|t_ref - t_obs| [h]");
    }

    /** Two quantiles of the finite positive values (of at most a million of them, evenly sampled); NaN if none. */
    private static double[] percentiles(float[][] map, double lower, double upper) {
        long cells = (long) map.length * map[0].length;
        int stride = (int) Math.max(1, cells / 1_000_000);
        float[] kept = new float[(int) Math.min(cells, 1_000_000 + map[0].length)];
        int size = 0;
        long at = 0;
        for (float[] row : map) {
            for (float v : row) {
                if (at++ % stride == 0 && v > 0 && Float.isFinite(v) && size < kept.length) {
                    kept[size++] = v;
                }
            }
        }
        if (size == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(kept, 0, size);
        return new double[] {kept[(int) Math.min(size - 1, Math.floor(lower * size))],
                kept[(int) Math.min(size - 1, Math.floor(upper * size))]};
    }
}
