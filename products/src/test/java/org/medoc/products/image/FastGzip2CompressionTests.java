package org.medoc.products.image;

import nom.tam.fits.compression.algorithm.api.ICompressorControl;
import nom.tam.fits.compression.provider.CompressorProvider;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FastGzip2CompressionTests {

    @Test
    void nomTamFitsPicksTheHuffmanOnlyCompressorForUnquantizedGzip2FloatsAndBytes() {
        ICompressorControl floats = CompressorProvider.findCompressorControl(null, "GZIP_2", float.class);
        ICompressorControl bytes = CompressorProvider.findCompressorControl(null, "GZIP_2", byte.class);

        assertThat(floats.getClass().getEnclosingClass()).isEqualTo(FastGzip2Compression.class);
        assertThat(bytes.getClass().getEnclosingClass()).isEqualTo(FastGzip2Compression.class);
    }

    @Test
    void otherAlgorithmsAndQuantizedFloatsStayWithNomTamFits() {
        FastGzip2Compression provider = new FastGzip2Compression();

        assertThat(provider.createCompressorControl(null, "RICE_1", int.class)).isNull();
        assertThat(provider.createCompressorControl(null, "GZIP_1", float.class)).isNull();
        assertThat(provider.createCompressorControl(null, "GZIP_2", short.class)).isNull();
        assertThat(provider.createCompressorControl("SUBTRACTIVE_DITHER_1", "GZIP_2", float.class)).isNull();
    }

    @Test
    void aHuffmanOnlyTileInflatesToTheSameBitsThroughNomTamFitsOwnDecompressor() {
        float[] tile = new float[4096 * 16];
        Random random = new Random(15);
        for (int i = 0; i < tile.length; i++) {
            tile[i] = i % 97 == 0 ? Float.NaN : (float) (1e26 * Math.exp(random.nextGaussian()));
        }
        ICompressorControl fast = new FastGzip2Compression().createCompressorControl(null, "GZIP_2", float.class);
        ByteBuffer compressed = ByteBuffer.allocate(tile.length * 4 + 1024);
        assertThat(fast.compress(FloatBuffer.wrap(tile), compressed, fast.option())).isTrue();
        compressed.flip();

        // nom-tam-fits's built-in control, as any reader without this provider would use
        ICompressorControl builtIn = new CompressorProvider().createCompressorControl(null, "GZIP_2", float.class);
        FloatBuffer back = FloatBuffer.allocate(tile.length);
        builtIn.decompress(compressed, back, builtIn.option());

        assertThat(compressed.limit()).as("compressed size").isLessThan(tile.length * 4);
        for (int i = 0; i < tile.length; i++) {
            assertThat(Float.floatToRawIntBits(back.get(i))).as("value %d", i)
                    .isEqualTo(Float.floatToRawIntBits(tile[i]));
        }
    }

    @Test
    void theFourBytesAtATimeShuffleIsNomTamFitsShuffleAndItsInverse() {
        byte[] bytes = new byte[4 * 1000];
        new Random(3).nextBytes(bytes);
        var ours = new FastGzip2Compression.FloatCompressor();
        var theirs = new nom.tam.fits.compression.algorithm.gzip2.GZip2Compressor.FloatGZip2Compressor();

        byte[] shuffled = ours.shuffle(bytes);

        assertThat(shuffled).isEqualTo(theirs.shuffle(bytes));
        assertThat(shuffled[1000]).as("byte 1 of element 0 starts the second plane").isEqualTo(bytes[1]);
        assertThat(ours.unshuffle(shuffled)).isEqualTo(bytes);
        assertThat(theirs.unshuffle(shuffled)).isEqualTo(bytes);
    }
}
