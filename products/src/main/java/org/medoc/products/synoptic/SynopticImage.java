package org.medoc.products.synoptic;

import java.time.Instant;

/**
 * One input image of a synoptic map: its geometry (observer and WCS from its own header), its values row-major
 * ({@code values[y·width + x]}, row 0 the first FITS row; NaN where not observed) in DN s⁻¹ per pixel, and what the
 * provenance table records of it.
 */
public record SynopticImage(ImageGeometry geometry, float[] values, String instrument, int wavelengthAngstrom,
                            String fileName, String sha256) {

    public SynopticImage {
        if (values.length != (long) geometry.width() * geometry.height()) {
            throw new IllegalArgumentException("values must hold width × height pixels");
        }
    }

    public Instant time() {
        return geometry.observer().time();
    }
}
