package org.medoc.products.image;

/**
 * Colour maps for previews, as piecewise-linear interpolation between anchor colours sampled from matplotlib's
 * perceptually uniform maps (van der Walt &amp; Smith 2015): INFERNO for intensities and emission measure, VIRIDIS for
 * widths, TURBO-like RAINBOW for temperatures (as on MEDOC's DEM maps, where colour codes log T), GREYS for χ²,
 * and the diverging RDBU (matplotlib's RdBu_r: blue negative, white zero, red positive) for signed quantities such as
 * electric current densities, to be used with a scale symmetric about zero.
 */
public enum ColourMap {
    INFERNO(new int[] {0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925, 0xfb9b06, 0xf7d13d, 0xfcffa4}),
    VIRIDIS(new int[] {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725}),
    RAINBOW(new int[] {0x30123b, 0x4145ab, 0x4675ed, 0x39a2fc, 0x1bcfd4, 0x24eca6, 0x61fc6c, 0xa4fc3b, 0xd1e834, 0xf3c63a,
            0xfe9b2d, 0xf36315, 0xd93806, 0xb11901, 0x7a0402}),
    GREYS(new int[] {0x000000, 0xffffff}),
    RDBU(new int[] {0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b,
            0x67001f});

    private final int[] anchors;

    ColourMap(int[] anchors) {
        this.anchors = anchors;
    }

    /** RGB (0xRRGGBB) at position t in [0, 1] (clamped). */
    public int rgb(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int red = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int green = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int blue = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (red << 16) | (green << 8) | blue;
    }
}
