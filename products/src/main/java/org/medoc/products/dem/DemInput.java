package org.medoc.products.dem;

import java.util.EnumMap;
import java.util.Map;

/**
 * One AIA set ready for fitting: per channel, an image of rates [DN s⁻¹ pix⁻¹] (row-major, {@code width × height},
 * NaN where the pixel is missing) and its exposure time. Channels absent from the set are absent from the map.
 *
 * @param pixelsAveraged number n of original AIA pixels each value is the mean of (1 at the native 0.6″ scale);
 *                       it lowers the random noise terms by √n
 */
public record DemInput(int width, int height, Map<AiaChannel, float[]> rates, Map<AiaChannel, Double> exposureSeconds,
                       int pixelsAveraged) {

    public DemInput {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive");
        }
        if (pixelsAveraged < 1) {
            throw new IllegalArgumentException("pixelsAveraged must be at least 1");
        }
        rates = Map.copyOf(new EnumMap<>(rates));
        exposureSeconds = Map.copyOf(new EnumMap<>(exposureSeconds));
        for (Map.Entry<AiaChannel, float[]> entry : rates.entrySet()) {
            if (entry.getValue().length != (long) width * height) {
                throw new IllegalArgumentException(entry.getKey() + " image does not hold " + width + "×" + height + " pixels");
            }
            Double exposure = exposureSeconds.get(entry.getKey());
            if (exposure == null || !(exposure > 0)) {
                throw new IllegalArgumentException(entry.getKey() + " has no positive exposure time");
            }
        }
    }
}
