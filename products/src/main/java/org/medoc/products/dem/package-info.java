/**
 * The DEM chain ("maps of thermal properties of the corona"): per-pixel Gaussian differential emission measure fitted
 * to the six coronal channels of SDO/AIA (Guennou et al. 2012, ApJS 203, 25), with everything the chain needs:
 *
 * <ul>
 *   <li>{@link org.medoc.products.dem.DemMapsRecipe} — the recipe (type {@code dem}): the kernel as a chain product,
 *       with its description for the Products area;</li>
 *   <li>{@link org.medoc.products.dem.AiaChannelSets} — its input rule: the AIA channels around every reference
 *       time;</li>
 *   <li>{@link org.medoc.products.dem.DemConfiguration} — its wiring and {@code medoc.products.dem.*} properties,
 *       installed by {@link org.medoc.products.ProductRecipesConfiguration};</li>
 *   <li>{@link org.medoc.products.dem.DemMapMaker} — entry point: AIA set in, FITS product and PNG previews out;</li>
 *   <li>{@link org.medoc.products.dem.DemFitter} — the per-pixel fit (closed-form EM, exhaustive or branch-and-bound
 *       grid search returning the same optimum);</li>
 *   <li>{@link org.medoc.products.dem.GaussianDemModel}, {@link org.medoc.products.dem.AiaTemperatureResponse},
 *       {@link org.medoc.products.dem.AiaNoiseModel} — forward and noise models;</li>
 *   <li>{@link org.medoc.products.dem.DemSyntheticSets} — synthetic AIA sets from known DEM maps (tests, benchmark,
 *       demo data).</li>
 * </ul>
 * The kernel is plain Java over primitive arrays, without Spring. Method, numbers and references: docs/algorithms/dem.md.
 */
package org.medoc.products.dem;
