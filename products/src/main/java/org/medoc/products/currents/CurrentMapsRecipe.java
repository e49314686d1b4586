package org.medoc.products.currents;

import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MEDOC's "electric current maps" as a chain product: the radial current density Jz of one SHARP record (one HARP
 * region of one series at one T_REC), with its error and mask, on the record's CEA grid ({@link CurrentMapMaker}).
 * Each product carries the attributes {@code harp}, {@code noaa} (one value per NOAA region) and {@code dataType}
 * ({@code nrt}/{@code sci}) that the catalogue searches by. Version {@value #VERSION}: the discretisation and mask of
 * {@link CurrentDensity}; any change to them is a new version. Installed by {@link CurrentsConfiguration}.
 */
public final class CurrentMapsRecipe implements ProductRecipe {

    public static final String TYPE = "currents";
    public static final String VERSION = "1.0";

    private final SharpRecords inputSets;
    private final CurrentMapMaker maker = new CurrentMapMaker();

    public CurrentMapsRecipe(SharpRecords inputSets) {
        this.inputSets = inputSets;
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
    public ProductDescription description() {
        return new ProductDescription("Current maps", "Electric current density maps of active regions from SDO/HMI SHARPs",
                List.of("The vertical electric current density Jz = (1/μ0)(∂By/∂x − ∂Bx/∂y) of each HMI active region "
                                + "patch (HARP), computed from the vector magnetic field of the SHARP series on its "
                                + "cylindrical equal-area (CEA) grid of 0.03° (about 364 km) per pixel, exactly as JSOC "
                                + "computes the SHARP keywords MEANJZD, TOTUSJZ and ERRJZ (Bobra et al. 2014, Sol. Phys. "
                                + "289, 3549), every " + ProductDescription.inWords(inputSets.cadence()) + " of T_REC.",
                        "Each product is one FITS file with the maps JZ and its error JZ_ERR in mA m⁻² and MASK (the "
                                + "pixels the SHARP keywords count: confident disambiguation and inside the HARP), on "
                                + "the SHARP's own CEA coordinates, with the recomputed keywords beside JSOC's, plus a "
                                + "preview. Products are labelled by HARP number, NOAA active region numbers and data "
                                + "type: nrt (near-real-time series, about 3 h after observation) or sci (definitive "
                                + "series, about five weeks after); HARP numbers differ between the two series."),
                inputSets.describe(), inputSets.cadence(),
                List.of(new ProductDescription.Preview(CurrentMapMaker.PREVIEW_SUFFIX,
                        "Jz: radial electric current density [mA m⁻²], red upward, blue downward; colour bar "
                                + (int) CurrentMapMaker.JZ_SCALE.min() + " to " + (int) CurrentMapMaker.JZ_SCALE.max()
                                + " (diverging, white at zero)")),
                "Jz is shown over the whole patch; in weak-field areas it is dominated by noise (compare with JZ_ERR, "
                        + "typically 6 mA m⁻²). Only the MASK pixels (conf_disambig ≥ 70 and bitmap ≥ 30) are "
                        + "reliable and enter the keywords. Values beyond ±50 mA m⁻² are shown at the ends of the "
                        + "colour bar.",
                "algorithms/currents");
    }

    @Override
    public InputSetRule inputSets() {
        return inputSets;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", "central differences, second-order one-sided on the edges (JSOC sw_functions.c)");
        parameters.put("components", "Bx = Bp, By = -Bt, errors Bp_err, Bt_err");
        parameters.put("maskMinConfDisambig", CurrentDensity.MIN_CONF_DISAMBIG);
        parameters.put("maskMinBitmap", CurrentDensity.MIN_BITMAP);
        parameters.put("mu0", CeaPixelScale.MU0);
        parameters.put("cadenceMinutes", inputSets.cadence().toMinutes());
        return parameters;
    }

    @Override
    public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (InputFile input : inputs.inputs()) {
            hashes.put(input.fileName(), input.sha256());
        }
        CurrentMapResult result = maker.make(context.files(inputs), outputDirectory,
                new CurrentMapMaker.Provenance(context.softwareVersion(), context.productVersion(), hashes));
        SharpRecord record = result.record();
        JzKeywords keywords = result.map().keywords();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("harp", record.harpNumber());
        summary.put("noaa", record.noaaNumbers());
        summary.put("dataType", record.dataType().code());
        summary.put("tRec", record.tRec());
        summary.put("width", result.map().width());
        summary.put("height", result.map().height());
        summary.put("cmask", keywords.cmask());
        if (keywords.cmask() > 0) {
            summary.put("meanJzd", keywords.meanJzd());
            summary.put("totUsJz", keywords.totUsJz());
            summary.put("errJz", keywords.errJz());
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("harp", List.of(Integer.toString(record.harpNumber())));
        attributes.put("noaa", record.noaaNumbers().stream().map(String::valueOf).toList());
        attributes.put("dataType", List.of(record.dataType().code()));
        List<String> flags = keywords.cmask() == 0 ? List.of("EMPTY_MASK") : List.of();
        return new ProductOutput(List.of(ProductOutput.OutputFile.data(result.fitsFile()),
                ProductOutput.OutputFile.preview(result.previewFile())), summary, flags, attributes);
    }
}
