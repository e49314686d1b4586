package org.medoc.products.chain;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real recipe for the chain's tests: a FITS file whose image holds the mean of each input image (one pixel per
 * input, in the set's order) and whose header names the inputs with their SHA-256 and channel, plus a PNG preview.
 * It counts its invocations per reference time and can be told to fail a number of times first.
 */
public class InputSummaryRecipe implements ProductRecipe {

    private final String type;
    private final String version;
    private final InputSetRule rule;
    private final Map<Instant, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private final Map<Instant, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();
    private volatile long sleepMillis;

    public InputSummaryRecipe(String type, String version, InputSetRule rule) {
        this.type = type;
        this.version = version;
        this.rule = rule;
    }

    public InputSummaryRecipe withVersion(String newVersion) {
        return new InputSummaryRecipe(type, newVersion, rule);
    }

    @Override public String type() { return type; }
    @Override public String version() { return version; }
    @Override
    public ProductDescription description() {
        // every rule these tests give it (AIA sets, synthetic sets) runs on the 30-minute cadence
        return new ProductDescription("Summaries", "Summary of the inputs (test recipe)",
                List.of("The mean of each input image, one pixel per input."), rule.describe(), Duration.ofMinutes(30),
                List.of(new ProductDescription.Preview(".png", "one grey pixel column per input")), "", null);
    }

    @Override public InputSetRule inputSets() { return rule; }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("statistic", "mean", "recipe", "input summary");
    }

    public int invocations(Instant referenceTime) {
        AtomicInteger count = invocations.get(referenceTime);
        return count == null ? 0 : count.get();
    }

    public Map<Instant, AtomicInteger> invocations() {
        return invocations;
    }

    public void failNext(Instant referenceTime, int times) {
        failuresToInject.put(referenceTime, new AtomicInteger(times));
    }

    public void sleepMillis(long millis) {
        this.sleepMillis = millis;
    }

    @Override
    public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
        invocations.computeIfAbsent(inputs.referenceTime(), t -> new AtomicInteger()).incrementAndGet();
        if (sleepMillis > 0) {
            Thread.sleep(sleepMillis);
        }
        AtomicInteger failures = failuresToInject.get(inputs.referenceTime());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("injected failure at " + inputs.referenceTime());
        }
        List<Path> files = context.files(inputs);
        float[] means = new float[Math.max(1, files.size())];
        for (int i = 0; i < files.size(); i++) {
            try (Fits fits = new Fits(files.get(i).toFile())) {
                ImageHDU hdu = (ImageHDU) fits.readHDU();
                float[][] image = (float[][]) hdu.getKernel();
                double sum = 0;
                for (float[] row : image) {
                    for (float value : row) {
                        sum += value;
                    }
                }
                means[i] = (float) (sum / ((long) image.length * image[0].length));
            }
        }
        String stamp = inputs.referenceTime().toString().replace(":", "").replace("-", "");
        Path fitsFile = outputDirectory.resolve(type + "_" + stamp + ".fits");
        try (Fits out = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(new float[][] {means});
            Header header = hdu.getHeader();
            header.addValue("REFTIME", inputs.referenceTime().toString(), "reference time of the input set");
            header.addValue("NINPUTS", inputs.inputs().size(), "number of inputs");
            header.addValue("SOFTWARE", context.softwareVersion(), "");
            header.addValue("PRODVER", context.productVersion(), "");
            for (int i = 0; i < inputs.inputs().size(); i++) {
                InputFile input = inputs.inputs().get(i);
                header.addValue("INPUT" + (i + 1), input.fileName(), "");
                header.addValue("CHAN" + (i + 1), input.label(), "");
                header.addValue("SHA" + (i + 1), input.sha256(), "");
            }
            out.addHDU(hdu);
            out.write(fitsFile.toFile());
        }
        BufferedImage preview = new BufferedImage(8 * means.length, 16, BufferedImage.TYPE_BYTE_GRAY);
        Path previewFile = outputDirectory.resolve(type + "_" + stamp + ".png");
        ImageIO.write(preview, "png", previewFile.toFile());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("inputs", inputs.inputs().size());
        summary.put("firstMean", means[0]);
        return new ProductOutput(List.of(ProductOutput.OutputFile.data(fitsFile), ProductOutput.OutputFile.preview(previewFile)), summary);
    }
}
