package org.medoc.archive.fits;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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

    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    /** The JDK writer's deflate level when no quality is asked for ({@code PNGImageWriter.DEFAULT_COMPRESSION_LEVEL}). */
    private static final int DEFAULT_LEVEL = 4;
    /** The JDK writer's largest IDAT chunk and its deflate output buffer ({@code IDATOutputStream}). */
    private static final int IDAT_CHUNK = 32768;
    private static final int DEFLATE_BUFFER = 512;

    /**
     * The PNG of an 8-bit greyscale image given as rows of bytes ({@code width × height}, row 0 at the top): the SAME
     * bytes as {@link #write(RenderedImage, OutputStream)} of a {@code TYPE_BYTE_GRAY} image of these pixels, without
     * ImageIO's writer, metadata and stream objects, which cost most of the encoding of a small quicklook.
     * <p>
     * The JDK 25 writer (OpenJDK {@code com.sun.imageio.plugins.png.PNGImageWriter}) writes, for such an image, the
     * signature, IHDR (8 bits, colour type 0, no interlace), IDAT chunks of at most 32,768 bytes, IEND, and no other
     * chunk; every row gets filter type 0 (its {@code RowFilter} filters palette images only); the zlib stream is made
     * by one {@link Deflater} at level 4, fed the filter byte, then the row, emptied through a 512-byte buffer. The
     * same calls are made here, in the same order, so the output is the same (checked by {@code PngTests} against
     * ImageIO for many sizes and contents).
     */
    public static byte[] grey(byte[] pixels, int width, int height) {
        if (width < 1 || height < 1 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("pixels must hold width × height bytes");
        }
        Chunks out = new Chunks(pixels.length / 2 + 64);
        out.raw(SIGNATURE);
        out.start("IHDR");
        out.int32(width);
        out.int32(height);
        out.int8(8);  // bit depth
        out.int8(0);  // colour type: greyscale
        out.int8(0);  // compression
        out.int8(0);  // filter method
        out.int8(0);  // no interlace
        out.end();
        Deflater deflater = new Deflater(DEFAULT_LEVEL);
        try {
            byte[] buffer = new byte[DEFLATE_BUFFER];
            byte[] filter = {0};
            out.start("IDAT");
            int[] remaining = {IDAT_CHUNK};
            for (int y = 0; y < height; y++) {
                feed(deflater, filter, 0, 1, buffer, out, remaining);
                feed(deflater, pixels, y * width, width, buffer, out, remaining);
            }
            deflater.finish();
            while (!deflater.finished()) {
                drain(deflater, buffer, out, remaining);
            }
            out.end();
        } finally {
            deflater.end();
        }
        out.start("IEND");
        out.end();
        return out.bytes();
    }

    private static void feed(Deflater deflater, byte[] bytes, int offset, int length, byte[] buffer, Chunks out,
                             int[] remaining) {
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            drain(deflater, buffer, out, remaining);
        }
    }

    /** One {@code deflate} call into the buffer, its output split over IDAT chunks of at most 32,768 bytes. */
    private static void drain(Deflater deflater, byte[] buffer, Chunks out, int[] remaining) {
        int length = deflater.deflate(buffer, 0, buffer.length);
        int offset = 0;
        while (length > 0) {
            if (remaining[0] == 0) {
                out.end();
                out.start("IDAT");
                remaining[0] = IDAT_CHUNK;
            }
            int n = Math.min(length, remaining[0]);
            out.raw(buffer, offset, n);
            offset += n;
            length -= n;
            remaining[0] -= n;
        }
    }

    /** PNG chunks in memory: length, type, data, CRC-32 of type and data. */
    private static final class Chunks extends ByteArrayOutputStream {
        private int chunkStart = -1;

        Chunks(int size) {
            super(size);
        }

        void start(String type) {
            chunkStart = count;
            int32(0); // patched by end()
            raw(type.getBytes(StandardCharsets.US_ASCII));
        }

        void end() {
            int length = count - chunkStart - 8;
            buf[chunkStart] = (byte) (length >>> 24);
            buf[chunkStart + 1] = (byte) (length >>> 16);
            buf[chunkStart + 2] = (byte) (length >>> 8);
            buf[chunkStart + 3] = (byte) length;
            CRC32 crc = new CRC32();
            crc.update(buf, chunkStart + 4, length + 4);
            int32((int) crc.getValue());
        }

        void raw(byte[] b) {
            write(b, 0, b.length);
        }

        void raw(byte[] b, int offset, int length) {
            write(b, offset, length);
        }

        void int8(int v) {
            write(v);
        }

        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        byte[] bytes() {
            return toByteArray();
        }
    }
}
