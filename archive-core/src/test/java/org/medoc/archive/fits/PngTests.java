package org.medoc.archive.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Png#grey} writes the bytes ImageIO's PNG writer writes for the same TYPE_BYTE_GRAY image, so quicklooks
 * stored before and after it are the same objects: checked for sizes around the deflate buffer (512 bytes) and the
 * IDAT chunk (32,768 bytes), for noise (incompressible, several IDAT chunks), flat, smooth and sparse images.
 */
class PngTests {

    private static byte[] imageIo(byte[] pixels, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = pixels[y * width + x] & 0xff;
            }
            image.getRaster().setPixels(0, y, width, 1, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Png.write(image, out);
        return out.toByteArray();
    }

    @Test
    void greyRowsGiveTheBytesOfImageIo() throws Exception {
        Random random = new Random(15);
        int[][] sizes = {{1, 1}, {1, 700}, {700, 1}, {3, 5}, {64, 64}, {511, 1}, {512, 1}, {513, 2}, {181, 181},
                {256, 257}, {512, 512}, {512, 384}, {300, 512}};
        int checked = 0;
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            for (int kind = 0; kind < 4; kind++) {
                byte[] pixels = new byte[w * h];
                for (int i = 0; i < pixels.length; i++) {
                    int x = i % w;
                    int y = i / w;
                    pixels[i] = (byte) switch (kind) {
                        case 0 -> random.nextInt(256);                                 // noise
                        case 1 -> 0;                                                     // flat
                        case 2 -> (int) (127.5 + 127.5 * Math.sin(x / 17.0) * Math.cos(y / 23.0)); // smooth
                        default -> random.nextInt(50) == 0 ? 255 : 3;                     // sparse
                    };
                }
                byte[] expected = imageIo(pixels, w, h);
                assertThat(Png.grey(pixels, w, h)).as("%d×%d, kind %d", w, h, kind).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(sizes.length * 4);
        // the noise of 512² does not fit one IDAT chunk: the chunking was exercised
        byte[] noise = new byte[512 * 512];
        random.nextBytes(noise);
        byte[] png = Png.grey(noise, 512, 512);
        assertThat(png.length).isGreaterThan(2 * 32768);
        assertThat(png).isEqualTo(imageIo(noise, 512, 512));
    }

    @Test
    void wrongSizesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Png.grey(new byte[10], 3, 3))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Png.grey(new byte[0], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
