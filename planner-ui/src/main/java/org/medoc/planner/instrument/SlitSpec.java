package org.medoc.planner.instrument;

/**
 * A SPICE slit (PLANNING.md §2, [R3][R5]): narrow 2", 4", 6" slits carry the 30" dumbbells; the wide slit is 30".
 * {@code slitId} is the header {@code SLIT_ID} where known (only 4" = 2 is confirmed), else {@code null}.
 */
public record SlitSpec(double widthArcsec, Integer slitId, double lengthArcsec, boolean narrow) {
}
