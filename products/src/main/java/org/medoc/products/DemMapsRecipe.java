package org.medoc.products;

import org.medoc.products.aia.AiaChannelSets;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;
import org.medoc.products.dem.DemFitter;
import org.medoc.products.dem.DemMapMaker;
import org.medoc.products.dem.DemMapResult;
import org.medoc.products.dem.DemProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * MEDOC's "maps of thermal properties of the corona" as a chain product: a Gaussian DEM fitted per pixel to each AIA
 * six-channel set ({@link DemMapMaker}), one FITS file with the EM, LOGT, WIDTH, CHI2 and NBANDS maps and four PNG
 * previews per set. Version {@value #VERSION}: the grid, noise model and search of {@link DemFitter#standard()}; any
 * change to them is a new version, so products already published stay as they were.
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

    @Override
    public String title() {
        return "Gaussian DEM maps from AIA (EM, log Tc, width, chi2)";
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
