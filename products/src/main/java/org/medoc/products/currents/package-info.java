/**
 * The electric current maps chain: the radial current density Jz of SDO/HMI SHARP active-region patches, computed as
 * JSOC computes the SHARP keywords (Bobra et al. 2014), with everything the chain needs:
 *
 * <ul>
 *   <li>{@link org.medoc.products.currents.CurrentMapsRecipe} — the recipe (type {@code currents}), one product per
 *       SHARP record, labelled by HARP, NOAA numbers and data type (nrt/sci);</li>
 *   <li>{@link org.medoc.products.currents.SharpRecords} — its input rule: one complete record per HARP and series
 *       every 3 hours of T_REC;</li>
 *   <li>{@link org.medoc.products.currents.CurrentsConfiguration} — its wiring and {@code medoc.products.currents.*}
 *       properties, installed by {@link org.medoc.products.ProductRecipesConfiguration};</li>
 *   <li>{@link org.medoc.products.currents.CurrentMapMaker} — entry point: SHARP segments in, FITS product and PNG
 *       preview out, read by {@link org.medoc.products.currents.SharpRecordReader};</li>
 *   <li>{@link org.medoc.products.currents.CurrentDensity} — the kernel: Jz, σ, mask and the keywords MEANJZD,
 *       TOTUSJZ, ERRJZ and CMASK.</li>
 * </ul>
 * The kernel is plain Java over primitive arrays, without Spring. Method, numbers and references:
 * docs/algorithms/currents.md.
 */
package org.medoc.products.currents;
