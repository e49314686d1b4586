package org.medoc.products.dem;

import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;
import org.medoc.products.image.ColourScale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * MEDOC's "maps of thermal properties of the corona" as a chain product: a Gaussian DEM fitted per pixel to each AIA
 * six-channel set ({@link DemMapMaker}), one FITS file with the EM, LOGT, WIDTH, CHI2 and NBANDS maps and four PNG
 * previews per set. Version {@value #VERSION}: the grid, noise model and search of {@link DemFitter#standard()}; any
 * change to them is a new version, so products already published stay as they were. Installed by
 * {@link DemConfiguration}.
 */
public final class DemMapsRecipe implements ProductRecipe {

    public static final String TYPE = "dem";
    public static final String VERSION = "1.0";

    private final AiaChannelSets inputSets;
    // one maker per node: its search tables cost a fraction of a second to build and are then shared by every run
    private final DemMapMaker maker;

    public DemMapsRecipe(AiaChannelSets inputSets, DemMapMaker maker) {
        this.inputSets = inputSets;
        this.maker = maker;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** The DEM service page; the cadence, tolerance, channels and thresholds are the ones this recipe runs with. */
    @Override
    public ProductDescription description() {
        String channelList = inputSets.channelsInWords();
        String chi2Grey = number(DemMapMaker.CHI2_GREY);
        return new ProductDescription("DEM maps", "Gaussian DEM maps from SDO/AIA",
                List.of("A differential emission measure (DEM) says how much coronal plasma lies along the line of sight "
                                + "at each temperature. Every " + ProductDescription.inWords(inputSets.cadence())
                                + " of observation time, the AIA channels " + channelList + " Å, observed within ±"
                                + ProductDescription.inWords(inputSets.tolerance()) + " of the reference time, are fitted "
                                + "pixel by pixel with a DEM that is Gaussian in log T, after Guennou et al. (2012, ApJS "
                                + "203, 25 and 26).",
                        "Each product is one FITS file with the maps EM, log Tc, σ and χ², the number of bands used per "
                                + "pixel and a quality flag, plus a preview image of each map."),
                inputSets.describe(), inputSets.cadence(),
                List.of(new ProductDescription.Preview(DemMapMaker.EM_PREVIEW,
                                "EM: total emission measure, the integral of the DEM [cm⁻⁵]; " + colourBar(DemMapMaker.EM_SCALE)),
                        new ProductDescription.Preview(DemMapMaker.LOGT_PREVIEW,
                                "log Tc: the central temperature of the Gaussian [log K]; " + colourBar(DemMapMaker.LOGT_SCALE)),
                        new ProductDescription.Preview(DemMapMaker.WIDTH_PREVIEW,
                                "σ: its width [dex], 0 meaning isothermal; " + colourBar(DemMapMaker.WIDTH_SCALE)),
                        new ProductDescription.Preview(DemMapMaker.CHI2_PREVIEW,
                                "χ²: how well the Gaussian reproduces the intensities; " + colourBar(DemMapMaker.CHI2_SCALE))),
                "White pixels had fewer than six usable bands; grey pixels have χ² > " + chi2Grey + ", where the "
                        + "Gaussian model is rejected at about the 1 % level (3 degrees of freedom). The Gaussian suits "
                        + "coronal holes and the quiet Sun; active regions have a cool flank closer to a power law. A set "
                        + "that lacks channels (at least " + inputSets.minimumChannels() + " are needed) is still fitted "
                        + "on the bands available and flagged MISSING_INPUTS.",
                "algorithms/dem");
    }

    private static String colourBar(ColourScale scale) {
        return "colour bar " + number(scale.min()) + " to " + number(scale.max())
                + (scale.logarithmic() ? ", logarithmic" : "") + " (" + scale.map().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** 11 rather than 11.0, 1e+25 as 1e25. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return Long.toString((long) value);
        }
        return Math.abs(value) >= 1e6 ? String.format(Locale.ROOT, "%.0e", value).replace("e+", "e") : Double.toString(value);
    }

    @Override
    public InputSetRule inputSets() {
        return inputSets;
    }

    @Override
    public Map<String, Object> parameters() {
        DemFitter fitter = maker.fitter();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", "Gaussian DEM in log T (Guennou et al. 2012)");
        parameters.put("grid", fitter.grid().describe());
        parameters.put("search", fitter.search().name());
        parameters.put("noiseCalibration", fitter.noise().calibration().name());
        parameters.put("saturationDn", fitter.saturationDn());
        parameters.put("minimumBands", DemFitter.MIN_BANDS);
        parameters.put("chi2Grey", DemMapMaker.CHI2_GREY);
        parameters.put("channels", inputSets.channels());
        parameters.put("toleranceSeconds", inputSets.tolerance().toSeconds());
        parameters.put("cadenceMinutes", inputSets.cadence().toMinutes());
        return parameters;
    }

    @Override
    public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
        DemProvenance provenance = new DemProvenance(context.softwareVersion(), context.productVersion(),
                context.referenceTime(), inputs.inputs().stream()
                        .map(input -> new DemProvenance.InputFile(input.fileName(), input.sha256())).toList());
        DemMapResult result = maker.make(context.files(inputs), outputDirectory, provenance);

        List<ProductOutput.OutputFile> files = new ArrayList<>();
        files.add(ProductOutput.OutputFile.data(result.fitsFile()));
        result.previewFiles().forEach(preview -> files.add(ProductOutput.OutputFile.preview(preview)));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("width", result.width());
        summary.put("height", result.height());
        summary.put("channelsUsed", new TreeSet<>(result.channelsUsed()).stream().toList());
        summary.put("pixelsFitted", result.pixelsFitted());
        summary.put("pixelsFlagged", result.pixelsFlagged());
        if (Double.isFinite(result.medianLogT())) {
            summary.put("medianLogT", Math.round(result.medianLogT() * 1000) / 1000.0);
        }
        List<String> flags = result.pixelsFlagged() > 0 ? List.of("PIXELS_WITH_FEWER_BANDS") : List.of();
        return new ProductOutput(files, summary, flags);
    }
}
