package org.medoc.products.dem;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A written DEM product.
 *
 * @param channelsUsed  wavelengths (Å) of the channels read
 * @param pixelsFitted  pixels with at least {@link DemFitter#MIN_BANDS} usable bands (maps hold values there)
 * @param pixelsFlagged pixels with fewer than six usable bands (white in the previews)
 * @param medianLogT    median log₁₀ Tc over the fitted pixels (NaN if none)
 */
public record DemMapResult(Path fitsFile, List<Path> previewFiles, int width, int height, Set<Integer> channelsUsed,
                           long pixelsFitted, long pixelsFlagged, double medianLogT) {

    public DemMapResult {
        previewFiles = List.copyOf(previewFiles);
        channelsUsed = Set.copyOf(channelsUsed);
    }
}
