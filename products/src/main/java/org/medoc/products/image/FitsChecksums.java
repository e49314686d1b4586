package org.medoc.products.image;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsUtil;
import nom.tam.fits.Header;
import nom.tam.fits.utilities.FitsCheckSum;
import nom.tam.util.FitsOutputStream;
import org.medoc.archive.fits.FitsChecksum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Fills in the CHECKSUM and DATASUM cards of a FITS file just written, from its bytes, as cfitsio's
 * {@code fits_write_chksum} does after the data are written: each HDU's data sum is computed over the file (mapped,
 * in chunks summed in parallel), then its header is serialised again with DATASUM and the matching CHECKSUM
 * (nom-tam-fits's {@link FitsCheckSum#setDatasum}) and written over the old one, which has the same size because the
 * cards were already there as placeholders.
 *
 * <p>The sum is the FITS 32-bit ones'-complement sum of the big-endian words (FITS Standard 4.0, appendix J), the
 * archive's {@link FitsChecksum}: it does not depend on the order of addition, so the chunks are summed apart.
 */
final class FitsChecksums {

    /** Bytes summed by one task: big enough to amortise the task, small enough to spread over the cores. */
    private static final int CHUNK = 1 << 20;
    /** Bytes mapped at once (a multiple of CHUNK and of the 2880-byte FITS block is not needed: data are words). */
    private static final long WINDOW = 256L << 20;

    private FitsChecksums() {
    }

    /**
     * Sets DATASUM and CHECKSUM of every HDU of {@code file}, which holds exactly {@code hdus} as written (each
     * header already carrying both cards, e.g. from {@code FitsCheckSum.setDatasum(header, 0)}).
     */
    static void fill(Path file, List<BasicHDU<?>> hdus) throws IOException, FitsException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long offset = 0;
            for (BasicHDU<?> hdu : hdus) {
                Header header = hdu.getHeader();
                long headerSize = header.getSize();
                long dataSize = hdu.getData() == null ? 0 : FitsUtil.addPadding(hdu.getData().getSize());
                FitsCheckSum.setDatasum(header, sum(channel, offset + headerSize, dataSize));
                byte[] cards = serialise(header);
                if (cards.length != headerSize) {
                    throw new IOException("header of " + file.getFileName() + " changed size (" + headerSize + " → "
                            + cards.length + " bytes) while its checksum was set");
                }
                ByteBuffer buffer = ByteBuffer.wrap(cards);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, offset + buffer.position());
                }
                offset += headerSize + dataSize;
            }
            if (offset != channel.size()) {
                throw new IOException(file.getFileName() + " is " + channel.size() + " bytes, its HDUs " + offset);
            }
        }
    }

    /** The ones'-complement sum of the big-endian words of {@code length} bytes (a multiple of 4) at {@code start}. */
    static long sum(FileChannel channel, long start, long length) throws IOException {
        long total = 0;
        for (long done = 0; done < length; done += WINDOW) {
            long size = Math.min(WINDOW, length - done);
            MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_ONLY, start + done, size);
            long chunks = (size + CHUNK - 1) / CHUNK;
            // each chunk's sum is below 2^32 and a window holds 256 chunks: their plain sum fits in a long
            total = FitsChecksum.add(total, LongStream.range(0, chunks).parallel().map(c -> {
                int from = (int) (c * CHUNK);
                int to = (int) Math.min(size, from + (long) CHUNK);
                return FitsChecksum.of(window.slice(from, to - from));
            }).sum());
        }
        return total;
    }

    private static byte[] serialise(Header header) throws IOException, FitsException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) header.getSize());
        try (FitsOutputStream out = new FitsOutputStream(bytes)) {
            header.write(out);
            out.flush();
        }
        return bytes.toByteArray();
    }
}
