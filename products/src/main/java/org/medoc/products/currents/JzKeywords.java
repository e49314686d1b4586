package org.medoc.products.currents;

/**
 * JSOC's SHARP current keywords recomputed over the mask (PRODUCTS.md §3.5; Bobra et al. 2014).
 *
 * @param cmask   number of pixels in the mask (CMASK)
 * @param meanJzd mean vertical current density over the mask [mA m⁻²] (MEANJZD)
 * @param totUsJz total unsigned vertical current Σ|Jz|·dA [A] (TOTUSJZ)
 * @param errJz   error of MEANJZD, √(Σσ²)/N [mA m⁻²] (ERRJZ)
 */
public record JzKeywords(int cmask, double meanJzd, double totUsJz, double errJz) {
}
