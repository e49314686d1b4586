package org.medoc.products.synoptic;

import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The repository's sample files and the sunpy reference tables next to these tests. */
final class SynopticTestData {
    private SynopticTestData() {
    }

    static Path fits(String name) {
        String configured = System.getProperty("medoc.testdata");
        Path testdata = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../testdata");
        return testdata.resolve("fits").resolve(name);
    }

    static ImageGeometry geometry(String name) {
        try {
            FitsInspection inspection = FitsInspector.inspect(fits(name), FitsLimits.defaults());
            FitsHduInfo hdu = inspection.primaryImage();
            long[] axes = hdu.imageAxes();
            return ImageGeometry.fromHeader(hdu.header(), (int) axes[0], (int) axes[1]);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Rows of a reference CSV (without comment and header lines), split on commas. */
    static List<String[]> reference(String name) {
        try (InputStream in = SynopticTestData.class.getResourceAsStream("reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("reference/" + name + " is not on the test classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\"#") && !line.startsWith("#")).toList();
            return lines.stream().skip(1).map(line -> line.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
