package org.medoc.products.image;

import nom.tam.fits.compression.algorithm.api.ICompressorControl;
import nom.tam.fits.compression.algorithm.gzip2.GZip2Compressor;
import nom.tam.fits.compression.provider.CompressorProvider;
import nom.tam.util.ByteBufferOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The previous GZIP_2 compressor of DEM products (deflate level 1 with string matching), kept for {@code DemBench}'s
 * before/after figure against {@link FastGzip2Compression}'s Huffman-only coding. Not registered as a service: the
 * bench offers it to nom-tam-fits through a class loader of its own.
 */
public final class Level1Gzip2Compression extends CompressorProvider {

    public Level1Gzip2Compression() {
    }

    @Override
    public ICompressorControl createCompressorControl(String quantAlgorithm, String compressionAlgorithm,
                                                      Class<?> baseType) {
        if (quantAlgorithm != null || !"GZIP_2".equalsIgnoreCase(compressionAlgorithm)) {
            return null;
        }
        if (baseType == float.class || baseType == Float.class) {
            return new Control(FloatCompressor.class);
        }
        return baseType == byte.class || baseType == Byte.class ? new Control(ByteCompressor.class) : null;
    }

    private static final class Control extends TileCompressorControl {
        Control(Class<?> compressorClass) {
            super(compressorClass);
        }
    }

    private static GZIPOutputStream level1(ByteBuffer compressed) throws IOException {
        return new GZIPOutputStream(new ByteBufferOutputStream(compressed), 65536) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    public static final class FloatCompressor extends GZip2Compressor.FloatGZip2Compressor {
        @Override
        protected GZIPOutputStream createGZipOutputStream(int length, ByteBuffer compressed) throws IOException {
            return level1(compressed);
        }
    }

    public static final class ByteCompressor extends GZip2Compressor.ByteGZip2Compressor {
        @Override
        protected GZIPOutputStream createGZipOutputStream(int length, ByteBuffer compressed) throws IOException {
            return level1(compressed);
        }
    }
}
