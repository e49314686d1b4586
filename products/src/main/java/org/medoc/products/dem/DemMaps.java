package org.medoc.products.dem;

/**
 * The fitted maps, one value per input pixel, rows as in the input ({@code [row][column]}, row 0 = first FITS row).
 * Float maps hold NaN where no fit was made (fewer than {@link DemFitter#MIN_BANDS} usable bands).
 *
 * @param emissionMeasure total emission measure EM = ∫ DEM dlog T [cm⁻⁵]
 * @param logTemperature  log₁₀ of the central temperature Tc [K]
 * @param widthDex        Gaussian width σ in log T [dex]
 * @param chiSquare       χ² of the best grid node (plain sum over the usable bands, not reduced)
 * @param bands           number of usable bands (0–6)
 */
public record DemMaps(int width, int height, float[][] emissionMeasure, float[][] logTemperature, float[][] widthDex,
                      float[][] chiSquare, byte[][] bands) {
}
