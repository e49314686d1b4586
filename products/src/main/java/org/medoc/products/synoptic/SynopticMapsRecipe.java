package org.medoc.products.synoptic;

import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MEDOC's "synchronous synoptic maps" as a chain product: for each reference day, one Carrington map per channel
 * observed in its window (EIT 171/195/284/304 Å, AIA 94-1700 Å), each merging the channel's images with the STEREO/EUVI
 * images of the same band ({@link SynopticMapMaker}). The maps of days J−{@code daysBack} … J+{@code daysAhead} are
 * made daily and made again, as a new product revision, when their input set changes ({@link #remakeWhenInputsChange});
 * each product is labelled archive, nowcast or forecast relative to the day it was made. Installed by
 * {@link SynopticConfiguration}.
 */
public final class SynopticMapsRecipe implements ProductRecipe {

    public static final String TYPE = "synoptic";
    public static final String VERSION = "1.0";
    /** Channels in the order their files are listed, the first one present giving the product's thumbnail. */
    static final List<SynopticChannel> ORDER = List.of(SynopticChannel.AIA_193, SynopticChannel.AIA_171,
            SynopticChannel.EIT_195, SynopticChannel.EIT_171, SynopticChannel.AIA_304, SynopticChannel.EIT_304,
            SynopticChannel.AIA_211, SynopticChannel.AIA_335, SynopticChannel.AIA_94, SynopticChannel.AIA_131,
            SynopticChannel.EIT_284, SynopticChannel.AIA_1600, SynopticChannel.AIA_1700);

    private final SynopticInputSets inputSets;
    private final SynopticMapMaker maker;
    private final Duration daysBack;
    private final Duration daysAhead;
    private final Clock clock;

    public SynopticMapsRecipe(SynopticInputSets inputSets, SynopticMapMaker maker, Duration daysBack, Duration daysAhead,
                              Clock clock) {
        this.inputSets = inputSets;
        this.maker = maker;
        this.daysBack = daysBack;
        this.daysAhead = daysAhead;
        this.clock = clock;
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
    public Duration scanLookback(Duration configured) {
        return daysBack.plus(SynopticInputSets.CADENCE);
    }

    @Override
    public Duration scanLead() {
        return daysAhead;
    }

    @Override
    public boolean remakeWhenInputsChange() {
        return true;
    }

    @Override
    public ProductDescription description() {
        SynopticParameters p = maker.parameters();
        return new ProductDescription("Synoptic maps", "Synchronous synoptic EUV maps in Carrington coordinates",
                List.of("Maps of the EUV radiance over the whole solar sphere in Carrington longitude and latitude for a "
                                + "reference time (00:00 UTC each day), after Auchère et al. (2005): every image observed "
                                + "within ±" + ProductDescription.inWords(inputSets.window()) + " is brought to the reference "
                                + "time by the " + p.rotation().name().toLowerCase(Locale.ROOT) + " differential rotation and "
                                + "merged with weights that fall with the time difference and towards the limb.",
                        "One map per channel: SoHO/EIT 171, 195, 284 and 304 Å (1996-2010) and SDO/AIA 94, 131, 171, 193, "
                                + "211, 304, 335, 1600 and 1700 Å. Where STEREO/EUVI images of the same band are archived "
                                + "they join the merge, filling the far side from a second viewpoint.",
                        "Maps of the days from J−" + daysBack.toDays() + " to J+" + daysAhead.toDays() + " are made "
                                + "daily and labelled archive, nowcast (J) or forecast; a map is made again, as a new "
                                + "version with the old one kept, when new observations arrive for it.",
                        "Each map is a FITS file (plate carrée " + gridInWords(p.grid()) + ", CRLN-CAR/CRLT-CAR) with "
                                + "the radiance, the weighted mean age of the data in hours, the dominant input of "
                                + "each pixel and a table of the inputs with their SHA-256."),
                inputSets.describe(), SynopticInputSets.CADENCE,
                List.of(new ProductDescription.Preview(SynopticMapMaker.RADIANCE_PREVIEW,
                                "Radiance [DN/s per input pixel], logarithmic colour bar from the 1st to the 99.5th "
                                        + "percentile (inferno); black where nothing was observed"),
                        new ProductDescription.Preview(SynopticMapMaker.AGE_PREVIEW,
                                "Age of the data: weighted mean |t_ref − t_obs| in hours (viridis)")),
                "Longitude 0° is on the left, north up. Black pixels were observed by no input (μ < " + p.muMinimum()
                        + " from every viewpoint). Values are DN/s per pixel of each instrument, without cross-calibration "
                        + "between EUVI and AIA/EIT. Forecast maps hold past data rotated forward only.",
                "algorithms/synoptic");
    }

    private static String gridInWords(CarringtonGrid grid) {
        return grid.longitudeStepDeg() + "°, " + grid.columns() + " × " + grid.rows();
    }

    @Override
    public InputSetRule inputSets() {
        return inputSets;
    }

    @Override
    public Map<String, Object> parameters() {
        SynopticParameters p = maker.parameters();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", "Auchère et al. 2005 time-weighted merge");
        parameters.put("grid", p.grid().columns() + "x" + p.grid().rows() + " CAR, " + p.grid().longitudeStepDeg() + " deg");
        parameters.put("rotation", p.rotation().name().toLowerCase(Locale.ROOT));
        parameters.put("muMinimum", p.muMinimum());
        parameters.put("weight", "mu * exp(-|dt| / tau)");
        parameters.put("tauHours", p.timeScale().toMinutes() / 60.0);
        parameters.put("windowDays", inputSets.window().toHours() / 24.0);
        parameters.put("samplingHours", inputSets.sampling().toMinutes() / 60.0);
        parameters.put("daysBack", daysBack.toDays());
        parameters.put("daysAhead", daysAhead.toDays());
        return parameters;
    }

    @Override
    public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
        MapKind kind = MapKind.of(context.referenceTime(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        SynopticMapMaker.Provenance provenance = new SynopticMapMaker.Provenance(context.softwareVersion(),
                context.productVersion(), kind);
        List<ProductOutput.OutputFile> data = new ArrayList<>();
        List<ProductOutput.OutputFile> previews = new ArrayList<>();
        Map<String, Object> coverage = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        int euvi = 0;
        for (SynopticChannel channel : ORDER) {
            if (inputs.inputs().stream().noneMatch(input -> input.label().equals(channel.key()))) {
                continue;
            }
            List<SynopticMapMaker.Input> channelInputs = new ArrayList<>();
            for (InputFile input : inputs.inputs()) {
                boolean primary = input.label().equals(channel.key());
                boolean secondView = channel.euviWavelengthAngstrom().map(band -> input.label().equals("euvi" + band))
                        .orElse(false);
                if (primary || secondView) {
                    channelInputs.add(new SynopticMapMaker.Input(context.file(input), input.fileName(), input.sha256()));
                }
            }
            SynopticMapMaker.Result result = maker.make(channel, channelInputs, context.referenceTime(), outputDirectory,
                    provenance);
            if (result == null) {
                rejected.add(channel.key() + ": no usable input");
                continue;
            }
            channels.add(channel.key());
            data.add(ProductOutput.OutputFile.data(result.fitsFile()));
            previews.add(ProductOutput.OutputFile.preview(result.radiancePreview()));
            previews.add(ProductOutput.OutputFile.preview(result.agePreview()));
            coverage.put(channel.key(), Math.round(result.surfaceCoverage() * 10_000) / 10_000.0);
            rejected.addAll(result.rejected());
            euvi += result.secondViewpointInputs();
        }
        if (data.isEmpty()) {
            throw new InvalidSynopticInputException("no channel of the set could be mapped: " + String.join("; ", rejected));
        }
        List<ProductOutput.OutputFile> files = new ArrayList<>(data);
        files.addAll(previews);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", kind.label());
        summary.put("channels", channels);
        summary.put("inputs", inputs.inputs().size());
        summary.put("secondViewpointInputs", euvi);
        summary.put("surfaceCoverage", coverage);
        if (!rejected.isEmpty()) {
            summary.put("rejected", rejected.size() > 20 ? rejected.subList(0, 20) : rejected);
        }
        List<String> flags = new ArrayList<>();
        if (!rejected.isEmpty()) {
            flags.add("INPUTS_REJECTED");
        }
        if (euvi > 0) {
            flags.add("SECOND_VIEWPOINT");
        }
        return new ProductOutput(files, summary, flags);
    }
}
