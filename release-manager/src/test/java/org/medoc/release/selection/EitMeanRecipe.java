package org.medoc.release.selection;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.ObservationSummary;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small real product for the release tests: for every catalogued EIT image, a FITS file holding the image's mean
 * (with the input named in its header) and a PNG preview, made through the products chain's engine. Inputs are found
 * through the archive's catalogue service, as a public visitor sees it. Not a bean, so that the chain's scheduler
 * never runs it by itself.
 */
record EitMeanRecipe(CatalogueService catalogue, String version) implements ProductRecipe {

    static final String TYPE = "eit-mean";

    @Override public String type() { return TYPE; }
    @Override
    public ProductDescription description() {
        // one product per EIT image: the test archive's images are hours apart
        return new ProductDescription("EIT means", "Mean of an EIT image (test recipe)", List.of(),
                "every catalogued EIT image", Duration.ofHours(6), List.of(), "", null);
    }
    @Override public Map<String, Object> parameters() { return Map.of("statistic", "mean"); }

    @Override
    public InputSetRule inputSets() {
        return new InputSetRule() {
            @Override
            public List<InputSet> find(Instant from, Instant to) {
                List<ObservationSummary> images = catalogue.search(new ObservationQuery(from, to, null, "EIT", null, null,
                        null, null, null, null, new ObservationSort(ObservationSort.Field.DATE_OBS, true), 0,
                        ObservationQuery.MAX_PAGE_SIZE, null)).items().stream()
                        .filter(o -> !o.dateObs().isBefore(from) && !o.dateObs().isAfter(to)).toList();
                Map<Long, CatalogueService.StoredFile> stored = catalogue.storedFiles(images.stream().map(ObservationSummary::id).toList())
                        .stream().collect(Collectors.toMap(CatalogueService.StoredFile::id, f -> f));
                return images.stream().map(o -> new InputSet(o.dateObs(), List.of(new InputFile(o.id(), "195", o.filename(),
                        o.sha256().trim(), stored.get(o.id()).storageKey(), o.size(), o.dateObs())), List.of())).toList();
            }

            @Override
            public String describe() {
                return "every catalogued EIT image";
            }
        };
    }

    @Override
    public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
        InputFile input = inputs.inputs().getFirst();
        double sum = 0;
        long pixels = 0;
        try (Fits fits = new Fits(context.file(input).toFile())) {
            ImageHDU hdu = (ImageHDU) fits.readHDU();
            for (Object row : (Object[]) hdu.getKernel()) {
                for (int i = 0; i < java.lang.reflect.Array.getLength(row); i++) {
                    sum += ((Number) java.lang.reflect.Array.get(row, i)).doubleValue();
                    pixels++;
                }
            }
        }
        String stamp = inputs.referenceTime().toString().replace(":", "").replace("-", "");
        Path data = outputDirectory.resolve("eit_mean_" + stamp + ".fits");
        try (Fits out = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(new float[][] {{(float) (sum / pixels)}});
            hdu.getHeader().addValue("INPUT1", input.fileName(), "");
            hdu.getHeader().addValue("PRODVER", context.productVersion(), "");
            out.addHDU(hdu);
            out.write(data.toFile());
        }
        Path preview = outputDirectory.resolve("eit_mean_" + stamp + ".png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", preview.toFile());
        return new ProductOutput(List.of(ProductOutput.OutputFile.data(data), ProductOutput.OutputFile.preview(preview)),
                Map.of("mean", sum / pixels));
    }
}
