package org.medoc.products.dem;

import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsHeader;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.fits.ImagePlane;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AIA set (any of the six coronal channels, any order) into a {@link DemInput}: each file is inspected and
 * decoded by archive-core's guarded reader, its channel taken from WAVELNTH, and its values turned into rates
 * [DN s⁻¹ pix⁻¹] — divided by EXPTIME when BUNIT says counts (DN, counts, ct, or absent, as in level-1 files), kept
 * when BUNIT is already a rate (DN/s). All channels must have the same size and pixel scale (a level-1.5 set is
 * co-registered). The number n of original 0.6″ pixels a value averages is (CDELT1·CDELT2)/0.36 for arcsec axes.
 */
final class AiaSetReader {

    private static final Set<String> COUNT_UNITS = Set.of("", "dn", "dn/pix", "dn/pixel", "counts", "count", "ct",
            "ct/pix", "data number");
    private static final Set<String> RATE_UNITS = Set.of("dn/s", "dn/sec", "dn/s/pix", "dn/s/pixel", "dns^-1", "dns-1",
            "dn.s^-1", "dn.s-1", "ct/s", "counts/s", "count/s", "dn/(s.pix)", "dns^-1pix^-1", "dn/s/px");
    private static final double NATIVE_ARCSEC = 0.6;

    /** One channel as read: the header of its image HDU (for the product's keywords) and the file. */
    record Channel(AiaChannel channel, Path file, FitsHeader header, double exposureSeconds) {
    }

    record ReadSet(DemInput input, Map<AiaChannel, Channel> channels) {
    }

    private AiaSetReader() {
    }

    static ReadSet read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new InvalidDemInputException("no channel files given: a DEM set needs AIA 94, 131, 171, 193, 211 and 335 Å");
        }
        Map<AiaChannel, float[]> rates = new EnumMap<>(AiaChannel.class);
        Map<AiaChannel, Double> exposures = new EnumMap<>(AiaChannel.class);
        Map<AiaChannel, Channel> channels = new EnumMap<>(AiaChannel.class);
        int width = -1;
        int height = -1;
        double scale = Double.NaN;
        for (Path file : files) {
            String name = file.getFileName().toString();
            FitsInspection inspection;
            try {
                inspection = FitsInspector.inspect(file, FitsLimits.defaults());
            } catch (FitsRejectedException e) {
                throw new InvalidDemInputException(name + ": not a readable FITS file: " + e.getMessage());
            }
            FitsHduInfo hdu = inspection.primaryImage();
            if (hdu == null) {
                throw new InvalidDemInputException(name + ": no image in the file");
            }
            FitsHeader header = hdu.header();
            FitsHeader primary = inspection.hdus().getFirst().header();
            Double wavelength = number(header, primary, "WAVELNTH");
            if (wavelength == null) {
                throw new InvalidDemInputException(name + ": header lacks WAVELNTH, cannot tell the AIA channel");
            }
            AiaChannel channel = AiaChannel.ofWavelength(wavelength).orElseThrow(() -> new InvalidDemInputException(
                    name + ": WAVELNTH " + wavelength + " Å is not one of the DEM channels 94, 131, 171, 193, 211, 335 Å"));
            if (channels.containsKey(channel)) {
                throw new InvalidDemInputException(name + ": a second " + channel.wavelengthAngstrom() + " Å file ("
                        + channels.get(channel).file().getFileName() + " came first); give one file per channel");
            }
            Double exposure = number(header, primary, "EXPTIME");
            if (exposure == null || !(exposure > 0)) {
                throw new InvalidDemInputException(name + ": EXPTIME is missing or not positive (" + exposure
                        + "): the noise model needs the exposure time");
            }
            String unit = string(header, primary, "BUNIT");
            String normalised = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            boolean counts = COUNT_UNITS.contains(normalised);
            if (!counts && !RATE_UNITS.contains(normalised)) {
                throw new InvalidDemInputException(name + ": BUNIT '" + unit + "' is neither counts (DN) nor a rate (DN/s)");
            }
            ImagePlane plane;
            try {
                plane = FitsImageReader.readPlane(file, inspection, hdu, FitsLimits.defaults());
            } catch (FitsRejectedException e) {
                throw new InvalidDemInputException(name + ": " + e.getMessage());
            }
            if (width < 0) {
                width = plane.width();
                height = plane.height();
            } else if (plane.width() != width || plane.height() != height) {
                throw new InvalidDemInputException(name + ": image is " + plane.width() + "×" + plane.height()
                        + " but the set's first channel is " + width + "×" + height + "; a set must be co-registered");
            }
            Double cdelt1 = number(header, primary, "CDELT1");
            Double cdelt2 = number(header, primary, "CDELT2");
            double pixelArea = cdelt1 == null || cdelt2 == null ? NATIVE_ARCSEC * NATIVE_ARCSEC : Math.abs(cdelt1 * cdelt2);
            if (!Double.isNaN(scale) && Math.abs(pixelArea / scale - 1) > 0.01) {
                throw new InvalidDemInputException(name + ": pixel scale differs from the set's first channel;"
                        + " a set must be co-registered (level 1.5)");
            }
            scale = pixelArea;
            float[] values = plane.values();
            if (counts) {
                float inverse = (float) (1 / exposure);
                for (int i = 0; i < values.length; i++) {
                    values[i] *= inverse;
                }
            }
            rates.put(channel, values);
            exposures.put(channel, exposure);
            channels.put(channel, new Channel(channel, file, header, exposure));
        }
        String cunit = string(channels.values().iterator().next().header(), channels.values().iterator().next().header(), "CUNIT1");
        boolean arcsec = cunit == null || cunit.trim().equalsIgnoreCase("arcsec");
        int averaged = arcsec ? (int) Math.max(1, Math.round(scale / (NATIVE_ARCSEC * NATIVE_ARCSEC))) : 1;
        return new ReadSet(new DemInput(width, height, rates, exposures, averaged), channels);
    }

    private static Double number(FitsHeader header, FitsHeader primary, String keyword) {
        Double value = header.has(keyword) ? header.number(keyword) : null;
        return value != null ? value : (primary.has(keyword) ? primary.number(keyword) : null);
    }

    static String string(FitsHeader header, FitsHeader primary, String keyword) {
        String value = header.has(keyword) ? header.string(keyword) : null;
        return value != null ? value : (primary.has(keyword) ? primary.string(keyword) : null);
    }
}
