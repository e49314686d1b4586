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
                        // the expected outcome for damaged data, unless the library got as far as exhausting the heap:
                        // memory must be bounded by our checks before it reads
                        boundedMemory(e);
                    }
                }
            }
        } catch (FitsRejectedException e) {
            // the expected outcome for damaged structure
            boundedMemory(e);
        }
    }

    private static void boundedMemory(FitsRejectedException e) {
        if (e.reason().contains("OutOfMemoryError")) {
            throw new AssertionError("memory was not bounded before reading: " + e.reason());
        }
    }
}
