package org.medoc.archive.fits;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * PNG encoding for quicklooks and product previews. {@code ImageIO.write} over an OutputStream looks the writer up in
 * the service registry each time and, with ImageIO's default cache setting, buffers through a temporary FILE: at
 * hundreds of small files a second both cost more than the encoding. Here the provider is looked up once and the
 * encoder writes through memory; the PNG bytes are the same.
 */
public final class Png {

    private static final ImageWriterSpi PROVIDER = ImageIO.getImageWritersByFormatName("png").next().getOriginatingProvider();

    private Png() {
    }

    /** Encodes {@code image} at the JDK PNG writer's default deflate level (4). */
    public static void write(RenderedImage image, OutputStream out) throws IOException {
        write(image, out, null);
    }

    /**
     * Encodes {@code image} at a given compression quality q, which the JDK's PNG writer turns into deflate level
     * (int) (9 (1 − q)): 0.85 is level 1.
     */
    public static void write(RenderedImage image, OutputStream out, float quality) throws IOException {
        write(image, out, Float.valueOf(quality));
    }

    private static void write(RenderedImage image, OutputStream out, Float quality) throws IOException {
        ImageWriter writer = PROVIDER.createWriterInstance();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = null;
            if (quality != null) {
                param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
