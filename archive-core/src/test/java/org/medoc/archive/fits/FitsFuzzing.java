package org.medoc.archive.fits;

import java.io.IOException;
import java.nio.file.Path;

/** The property both fuzz tests check: inspect, decode every image, render; only rejections may escape. */
final class FitsFuzzing {

    private FitsFuzzing() {
    }

    static void exercise(Path file, FitsLimits limits) throws IOException {
        try {
            FitsInspection inspection = FitsInspector.inspect(file, limits);
            for (FitsHduInfo hdu : inspection.hdus()) {
                if (hdu.hasImage()) {
                    try {
                        ImagePlane plane = FitsImageReader.readPlane(file, inspection, hdu, limits);
                        Quicklook.png(plane, Stretch.LOG, 64);
                    } catch (FitsRejectedException e) {
                        // the expected outcome for damaged data
                    }
                }
            }
        } catch (FitsRejectedException e) {
            // the expected outcome for damaged structure
        }
    }
}
