package org.medoc.products.image;

import org.medoc.archive.fits.Png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * PNG preview of a map with a title and a colour bar, in the manner of the maps on MEDOC's service pages. Each
 * preview pixel shows the map pixel at the centre of the block it stands for (no averaging, so masks stay exact);
 * row 0 of the map (the first FITS row) is drawn at the BOTTOM, the FITS display convention. A per-pixel class
 * chooses the colour: {@link #COLOUR} from the scale, {@link #GREY} (e.g. rejected fit) or {@link #WHITE} (e.g. too few
 * data).
 */
public final class MapPreview {

    public static final byte COLOUR = 0;
    public static final byte GREY = 1;
    public static final byte WHITE = 2;

    private static final int GREY_RGB = 0x808080;
    private static final int WHITE_RGB = 0xffffff;
    private static final int BACKGROUND_RGB = 0x101010;
    private static final int TITLE_HEIGHT = 28;
    private static final int BAR_MARGIN = 150;
    private static final float PNG_QUALITY = 0.85f;

    private MapPreview() {
    }

    /** The class ({@link #COLOUR}, {@link #GREY} or {@link #WHITE}) of a map pixel. */
    @FunctionalInterface
    public interface PixelClasses {
        byte of(int row, int column);
    }

    /**
     * Renders {@code values[row][column]} with classes {@code classes[row][column]} (null = all coloured) into an
     * image whose map part has a longest side of at most {@code maxSide} pixels.
     */
    public static BufferedImage render(float[][] values, byte[][] classes, ColourScale scale, String title, int maxSide) {
        return renderByPixel(values, classes == null ? null : (row, column) -> classes[row][column], scale, title,
                maxSide);
    }

    /**
     * As {@link #render(float[][], byte[][], ColourScale, String, int)}, the classes asked only for the pixels shown
     * (one in factor² of a large map), so a caller need not classify every pixel.
     */
    public static BufferedImage renderByPixel(float[][] values, PixelClasses classes, ColourScale scale, String title,
                                              int maxSide) {
        int height = values.length;
        int width = values[0].length;
        int factor = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) maxSide));
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        int totalW = outW + BAR_MARGIN;
        int totalH = outH + TITLE_HEIGHT + 8;
        BufferedImage image = new BufferedImage(totalW, Math.max(totalH, 220), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(BACKGROUND_RGB));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        // straight into the image's pixel array: setRGB per pixel goes through the colour model for every pixel
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = image.getWidth();
        for (int oy = 0; oy < outH; oy++) {
            int y = Math.min(height - 1, oy * factor + factor / 2);
            int row = (TITLE_HEIGHT + outH - 1 - oy) * stride;
            for (int ox = 0; ox < outW; ox++) {
                int x = Math.min(width - 1, ox * factor + factor / 2);
                byte kind = classes == null ? COLOUR : classes.of(y, x);
                int rgb;
                if (kind == WHITE) {
                    rgb = WHITE_RGB;
                } else if (kind == GREY) {
                    rgb = GREY_RGB;
                } else {
                    float v = values[y][x];
                    rgb = Float.isNaN(v) ? BACKGROUND_RGB : scale.map().rgb(scale.position(v));
                }
                pixels[row + ox] = rgb;
            }
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 6, 19);
        drawColourBar(g, scale, outW + 20, TITLE_HEIGHT, 22, Math.max(outH, 180));
        g.dispose();
        return image;
    }

    /** Renders and writes the PNG atomically. */
    public static void write(Path file, float[][] values, byte[][] classes, ColourScale scale, String title, int maxSide)
            throws IOException {
        write(file, render(values, classes, scale, title, maxSide));
    }

    /** Renders with classes asked per shown pixel and writes the PNG atomically. */
    public static void writeByPixel(Path file, float[][] values, PixelClasses classes, ColourScale scale, String title,
                                    int maxSide) throws IOException {
        write(file, renderByPixel(values, classes, scale, title, maxSide));
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            // the JDK's PNG writer deflates at level 4 by default; quality 0.85 is level 1, which on these previews
            // (flat colour areas and noise) costs far less for a few per cent of size
            Png.write(image, out, PNG_QUALITY);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void drawColourBar(Graphics2D g, ColourScale scale, int x, int y, int barWidth, int barHeight) {
        for (int row = 0; row < barHeight; row++) {
            double t = 1 - row / (double) (barHeight - 1);
            g.setColor(new Color(scale.map().rgb(t)));
            g.drawLine(x, y + row, x + barWidth - 1, y + row);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, barWidth - 1, barHeight - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        int ticks = 5;
        for (int i = 0; i < ticks; i++) {
            double t = i / (double) (ticks - 1);
            int ty = y + (int) Math.round((1 - t) * (barHeight - 1));
            g.drawLine(x + barWidth, ty, x + barWidth + 4, ty);
            String text = format(scale.valueAt(t), scale.logarithmic());
            g.drawString(text, x + barWidth + 7, ty + metrics.getAscent() / 2 - 1);
        }
        // the label, rotated along the bar
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        int labelWidth = metrics.stringWidth(scale.label());
        rotated.drawString(scale.label(), -(y + barHeight / 2 + labelWidth / 2), x + barWidth + 90);
        rotated.dispose();
    }

    private static String format(double value, boolean logarithmic) {
        if (logarithmic || Math.abs(value) >= 1e4 || (value != 0 && Math.abs(value) < 1e-2)) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
