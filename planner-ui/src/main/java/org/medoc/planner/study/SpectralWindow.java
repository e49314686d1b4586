package org.medoc.planner.study;

/**
 * One spectral window of a study, in read-out order (its index is {@code WINNO}). Dispersion pixels use the header
 * convention ({@code PXBEG3}/{@code PXEND3}: SW 1-1024, LW 1025-2048), rows {@code PXBEG2}/{@code PXEND2} in 1-1024,
 * binning {@code NBIN2} (rows) and {@code NBIN3} (dispersion), compression {@code COMPTYPE}/{@code COMPPARA}.
 * {@code lineId} names the line the window was picked for, if any.
 */
public record SpectralWindow(String name, WindowKind kind, String detector, Long lineId, int lambdaPxStart,
                             int lambdaPxEnd, int yStartPx, int yEndPx, int binY, int binLambda, int compressionType,
                             int compressionParam, Integer misoWindowId) {

    public int widthPx() {
        return lambdaPxEnd - lambdaPxStart + 1;
    }

    public int heightPx() {
        return yEndPx - yStartPx + 1;
    }

    /** Geometry and read-out settings: two windows with the same signature share one on-board window-table entry. */
    public String signature() {
        return kind + ":" + detector + ":" + lambdaPxStart + "-" + lambdaPxEnd + ":" + yStartPx + "-" + yEndPx + ":"
                + binY + "x" + binLambda + ":" + compressionType + "/" + compressionParam;
    }
}
