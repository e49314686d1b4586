package org.medoc.products.image;

import nom.tam.fits.compression.algorithm.api.ICompressorControl;
import nom.tam.fits.compression.algorithm.gzip2.GZip2Compressor;
import nom.tam.fits.compression.provider.CompressorProvider;
import nom.tam.fits.header.Compression;
import nom.tam.util.ByteBufferOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * GZIP_2 tile compression of floating-point and byte images with a Huffman-only deflater
 * ({@link Deflater#HUFFMAN_ONLY}: entropy coding of the bytes, no search for repeated strings) instead of the default
 * level 6 that nom-tam-fits 1.21 uses and offers no option to change.
 *
 * <p>Why: the DEM maps are noisy 32-bit floats. After GZIP_2's byte shuffle, what compresses is the skewed
 * distribution of the exponent and high mantissa bytes, not repeated strings: level 6 spends several times the CPU of
 * level 1 for a few per cent of size, and Huffman-only coding is both faster than level 1 (about half its CPU) and
 * smaller on every DEM map (docs/scaling.md, "DEM product files"). The strategy is not recorded in the file: a
 * Huffman-only stream is an ordinary deflate stream, so cfitsio (fitsverify, funpack), astropy and nom-tam-fits read
 * the tiles as before, and decompression is nom-tam-fits's own.
 *
 * <p>nom-tam-fits finds tile compressors through {@link java.util.ServiceLoader} ({@code ICompressorProvider}, listed
 * in META-INF/services) before its built-in ones; this provider (a subclass of the built-in one only to reach its
 * compressor control) answers only for unquantized GZIP_2 of float and byte
 * images (what {@link FitsProductWriter} writes) and leaves everything else to the built-in provider. The tiles
 * themselves are still compressed in parallel by nom-tam-fits ({@code FitsFactory.threadPool()}, one thread per
 * processor).
 */
public final class FastGzip2Compression extends CompressorProvider {

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public FastGzip2Compression() {
    }

    @Override
    public ICompressorControl createCompressorControl(String quantAlgorithm, String compressionAlgorithm,
                                                      Class<?> baseType) {
        if (quantAlgorithm != null || !Compression.ZCMPTYPE_GZIP_2.equalsIgnoreCase(compressionAlgorithm)) {
            return null;
        }
        if (baseType == float.class || baseType == Float.class) {
            return new Control(FloatCompressor.class);
        }
        if (baseType == byte.class || baseType == Byte.class) {
            return new Control(ByteCompressor.class);
        }
        return null;
    }

    /** nom-tam-fits's control (it instantiates the compressor class per tile), reached through its protected constructor. */
    private static final class Control extends TileCompressorControl {
        Control(Class<?> compressorClass) {
            super(compressorClass);
        }
    }

    /** A gzip stream into the tile's buffer whose deflater codes Huffman only; everything else is nom-tam-fits's. */
    private static GZIPOutputStream bestSpeed(int size, ByteBuffer compressed) throws IOException {
        // the buffer size follows nom-tam-fits (GZipCompressor.createGZipOutputStream): twice the input, 64 KiB at most
        return new GZIPOutputStream(new ByteBufferOutputStream(compressed), Math.min(Math.max(size * 2, 65536), 65536)) {
            {
                // zlib takes Huffman-only at any level above 0 (level 0 would store the bytes)
                def.setLevel(Deflater.BEST_SPEED);
                def.setStrategy(Deflater.HUFFMAN_ONLY);
            }
        };
    }

    /**
     * GZIP_2 (byte-shuffled) float tiles, Huffman only, with the shuffle done four bytes at a time: nom-tam-fits's
     * generic shuffle (an offset table looked up per byte) took more CPU than the Huffman coding of a whole DEM product
     * (profile of DemBench, docs/benchmarks.md). Same bytes in the same places.
     */
    public static final class FloatCompressor extends GZip2Compressor.FloatGZip2Compressor {
        @Override
        protected GZIPOutputStream createGZipOutputStream(int length, ByteBuffer compressed) throws IOException {
            return bestSpeed(length, compressed);
        }

        /** Byte k of element i (big-endian, as FITS stores it) goes to k·n + i, n = the number of elements. */
        @Override
        public byte[] shuffle(byte[] bytes) {
            int n = bytes.length / 4;
            byte[] out = new byte[bytes.length];
            for (int i = 0, j = 0; i < n; i++, j += 4) {
                out[i] = bytes[j];
                out[n + i] = bytes[j + 1];
                out[2 * n + i] = bytes[j + 2];
                out[3 * n + i] = bytes[j + 3];
            }
            return out;
        }

        /** The inverse of {@link #shuffle}, for reading tiles back. */
        @Override
        public byte[] unshuffle(byte[] bytes) {
            int n = bytes.length / 4;
            byte[] out = new byte[bytes.length];
            for (int i = 0, j = 0; i < n; i++, j += 4) {
                out[j] = bytes[i];
                out[j + 1] = bytes[n + i];
                out[j + 2] = bytes[2 * n + i];
                out[j + 3] = bytes[3 * n + i];
            }
            return out;
        }
    }

    /** GZIP_2 byte tiles (the shuffle is the identity for bytes), Huffman only. */
    public static final class ByteCompressor extends GZip2Compressor.ByteGZip2Compressor {
        @Override
        protected GZIPOutputStream createGZipOutputStream(int length, ByteBuffer compressed) throws IOException {
            return bestSpeed(length, compressed);
        }
    }
}
