package org.medoc.archive.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;

/**
 * Reads chosen rows of a RICE_1 tile-compressed integer image whose tiles are single rows (ZTILE1 = ZNAXIS1,
 * ZTILE2 = 1: the layout of SDO/AIA and HMI level-1 files), straight from the file: for each wanted row, the heap
 * descriptor of its table row, then its compressed bytes, then the Rice decoding. Rows not asked for are never read
 * nor decoded, so a quicklook of every 8th row of a 4096² AIA image costs an eighth of the full decode, and memory
 * is one compressed row and the rows returned.
 * <p>
 * nom-tam-fits 1.21.2 has tile access ({@code CompressedImageTiler}), but its strided read fails on Rice tiles
 * (BufferUnderflowException) and its plain sub-image read only streams to an {@code ArrayDataOutput}; hence this
 * small reader. The Rice code is the one of the FITS tiled-image convention (Pence, Seaman &amp; White 2009, PASP
 * 121, 414; White &amp; Becker's Rice coder): per tile, the first pixel in full; then blocks of {@code BLOCKSIZE}
 * first differences, each block starting with an {@code fsbits}-bit code k+1: 0 = every difference is zero,
 * {@code fsmax}+1 = differences stored in full width, else each difference is a unary high part (zeros ended by a 1)
 * followed by k low bits. Differences are zig-zag mapped (even = non-negative).
 */
final class RiceRows {

    private final FitsHduInfo hdu;
    private final int width;
    private final int height;
    private final int bytePix;
    private final int blockSize;
    private final long rowBytes;
    private final long heapStart;
    private final long heapSize;
    private final boolean longDescriptors;
    private final long maxCompressedRow;
    /** Scratch for one compressed row: a reader serves one decode at a time. */
    private byte[] compressed = new byte[0];

    private RiceRows(FitsHduInfo hdu, int bytePix, int blockSize, boolean longDescriptors, long heapStart) {
        this.hdu = hdu;
        long[] axes = hdu.imageAxes();
        this.width = (int) axes[0];
        this.height = (int) axes[1];
        this.bytePix = bytePix;
        this.blockSize = blockSize;
        this.rowBytes = hdu.naxis()[0];
        this.longDescriptors = longDescriptors;
        this.heapStart = heapStart;
        long tableBytes = hdu.naxis()[0] * hdu.naxis()[1];
        this.heapSize = hdu.dataSizeBytes() - (heapStart - hdu.dataOffset());
        // a Rice row can exceed its raw size only by the block codes and the first pixel
        this.maxCompressedRow = (long) width * bytePix + (width / blockSize + 2) * 4L + 16;
        if (heapStart < hdu.dataOffset() + tableBytes) {
            throw new IllegalArgumentException("heap inside the table");
        }
    }

    /**
     * A reader for the HDU if it is a lossless RICE_1 image of 8-, 16- or 32-bit integers in row tiles with a single
     * COMPRESSED_DATA column (nothing quantised, no null-pixel column), else null: such images are decoded whole by
     * nom-tam-fits instead.
     */
    static RiceRows of(FitsHduInfo hdu) {
        if (!hdu.compressedImage() || hdu.compressionType() == null) {
            return null;
        }
        String type = hdu.compressionType().toUpperCase(Locale.ROOT);
        FitsHeader h = hdu.header();
        long[] axes = hdu.imageAxes();
        long[] naxis = hdu.naxis();
        int bitpix = hdu.imageBitpix();
        if (!(type.equals("RICE_1") || type.equals("RICE_ONE")) || !(bitpix == 8 || bitpix == 16 || bitpix == 32)
                || axes.length != 2 || naxis.length != 2 || axes[0] > Integer.MAX_VALUE || axes[1] > Integer.MAX_VALUE) {
            return null;
        }
        Long tile1 = h.integer("ZTILE1");
        Long tile2 = h.integer("ZTILE2");
        if ((tile1 != null && tile1 != axes[0]) || (tile2 != null && tile2 != 1)) {
            return null;
        }
        Long fields = h.integer("TFIELDS");
        String form = h.string("TFORM1");
        if (fields == null || fields != 1 || !"COMPRESSED_DATA".equalsIgnoreCase(h.string("TTYPE1")) || form == null
                || naxis[1] != axes[1]) {
            return null;
        }
        String f = form.trim().toUpperCase(Locale.ROOT);
        boolean q;
        if (f.matches("1?PB(\\(\\d+\\))?")) {
            q = false;
        } else if (f.matches("1?QB(\\(\\d+\\))?")) {
            q = true;
        } else {
            return null;
        }
        if (naxis[0] != (q ? 16 : 8)) {
            return null;
        }
        int blockSize = 32;
        int bytePix = bitpix / 8;
        for (int i = 1; i <= 9; i++) {
            String name = h.string("ZNAME" + i);
            Long value = h.integer("ZVAL" + i);
            if (name == null) {
                break;
            }
            if (name.trim().equalsIgnoreCase("BLOCKSIZE") && value != null) {
                if (value < 1 || value > 1 << 16) {
                    return null;
                }
                blockSize = value.intValue();
            } else if (name.trim().equalsIgnoreCase("BYTEPIX") && value != null) {
                // the coder's word size; nom-tam-fits codes 16-bit pixels with 4-byte words
                if (value != 1 && value != 2 && value != 4 || value < bytePix) {
                    return null;
                }
                bytePix = value.intValue();
            }
        }
        Long theap = h.integer("THEAP");
        long tableBytes = naxis[0] * naxis[1];
        long heapStart = hdu.dataOffset() + (theap == null ? tableBytes : theap);
        if (theap != null && (theap < tableBytes || theap > hdu.dataSizeBytes())) {
            return null;
        }
        return new RiceRows(hdu, bytePix, blockSize, q, heapStart);
    }

    /** Decodes row {@code y} into {@code out[0 … width)} (raw integer values), charging bytes and pixels to the budget. */
    void readRow(FileChannel channel, int y, long[] out, DecodeBudget budget) throws FitsRejectedException, IOException {
        int index = hdu.index();
        ByteBuffer descriptor = ByteBuffer.allocate(longDescriptors ? 16 : 8);
        readFully(channel, descriptor, hdu.dataOffset() + y * rowBytes);
        descriptor.flip();
        long count = longDescriptors ? descriptor.getLong() : Integer.toUnsignedLong(descriptor.getInt());
        long offset = longDescriptors ? descriptor.getLong() : Integer.toUnsignedLong(descriptor.getInt());
        if (count <= 0 || count > maxCompressedRow || offset < 0 || offset > heapSize - count) {
            throw new FitsRejectedException("unreadable image data in HDU " + index + ": compressed row " + y
                    + " lies outside the heap or has an impossible length (" + count + " bytes at " + offset + ")");
        }
        if (compressed.length < count) {
            compressed = new byte[(int) count];
        }
        readFully(channel, ByteBuffer.wrap(compressed, 0, (int) count), heapStart + offset);
        budget.chargeBytes(count + descriptor.capacity());
        decode(compressed, (int) count, out, 0, y);
        budget.chargePixels(width);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new java.io.EOFException("file ends inside the compressed image");
            }
            p += n;
        }
    }

    /** Decodes one Rice-coded row of {@code width} pixels into {@code out[from …]}. */
    private void decode(byte[] c, int length, long[] out, int from, int row) throws FitsRejectedException {
        Bits bits = new Bits(c, length);
        int fsBits;
        int fsMax;
        int fullBits = bytePix * 8;
        switch (bytePix) {
            case 1 -> { fsBits = 3; fsMax = 6; }
            case 2 -> { fsBits = 4; fsMax = 14; }
            default -> { fsBits = 5; fsMax = 25; }
        }
        long mask = fullBits == 64 ? -1L : (1L << fullBits) - 1;
        try {
            long last = bits.read(fullBits);
            int i = 0;
            while (i < width) {
                int fs = (int) bits.read(fsBits) - 1;
                int end = Math.min(i + blockSize, width);
                if (fs < 0) {
                    for (; i < end; i++) {
                        out[from + i] = signed(last, fullBits);
                    }
                } else if (fs == fsMax) {
                    for (; i < end; i++) {
                        last = (last + unzigzag(bits.read(fullBits))) & mask;
                        out[from + i] = signed(last, fullBits);
                    }
                } else {
                    for (; i < end; i++) {
                        long high = bits.unary();
                        long mapped = (high << fs) | bits.read(fs);
                        last = (last + unzigzag(mapped)) & mask;
                        out[from + i] = signed(last, fullBits);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new FitsRejectedException("unreadable image data in HDU " + hdu.index() + ": the Rice code of row "
                    + row + " ends before its " + width + " pixels");
        }
    }

    private static long unzigzag(long mapped) {
        return (mapped & 1) == 0 ? mapped >>> 1 : ~(mapped >>> 1);
    }

    private static long signed(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }

    /** Big-endian bit reader over a byte array; reading past the end throws ArrayIndexOutOfBoundsException. */
    private static final class Bits {
        private final byte[] bytes;
        private final int length;
        private int next;
        private long buffer;
        private int available;

        Bits(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        private void refill() {
            if (next >= length) {
                throw new ArrayIndexOutOfBoundsException(next);
            }
            buffer = (buffer << 8) | (bytes[next++] & 0xff);
            available += 8;
        }

        long read(int n) {
            if (n == 0) {
                return 0;
            }
            while (available < n) {
                refill();
            }
            available -= n;
            long value = (buffer >>> available) & ((1L << n) - 1);
            buffer &= (1L << available) - 1;
            return value;
        }

        /** Counts zero bits up to and including the next 1 bit; returns the number of zeros. */
        long unary() {
            long zeros = 0;
            while (true) {
                if (buffer == 0) {
                    zeros += available;
                    available = 0;
                    refill();
                    continue;
                }
                int highest = 63 - Long.numberOfLeadingZeros(buffer);
                zeros += available - 1 - highest;
                available = highest;
                buffer &= (1L << highest) - 1;
                return zeros;
            }
        }
    }
}
