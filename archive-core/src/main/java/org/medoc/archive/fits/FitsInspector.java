package org.medoc.archive.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Scans a FITS file's structure with bounded memory and verifies it, without nom-tam-fits.
 *
 * <p>What is checked, in this order, for every HDU (HDU 0 is the primary HDU):
 * <ol>
 * <li>the file is not empty, not larger than {@link FitsLimits#maxFileBytes()}, and its first card is
 * {@code SIMPLE = T};</li>
 * <li>the header is read block by block (2880 bytes, 36 cards of 80 characters) until its END card; the number of
 * cards in all headers of the file together is bounded by {@link FitsLimits#maxHeaderCards()};</li>
 * <li>BITPIX, NAXIS, NAXISn, PCOUNT, GCOUNT (and ZBITPIX/ZNAXISn of tile-compressed images) are valid;</li>
 * <li>the declared data size |BITPIX|/8 × GCOUNT × (PCOUNT + ΠNAXISi) is within the limit and within the file,
 * <em>before</em> any data byte is read;</li>
 * <li>if the header carries DATASUM or CHECKSUM, the data unit is streamed once to verify them (ones'-complement
 * checksum of the FITS Checksum convention).</li>
 * </ol>
 *
 * <p>Bytes after the last HDU: whole or partial 2880-byte blocks that are all zero or all ASCII blanks are accepted
 * as padding (some writers leave them); anything else is rejected as junk; a file whose length is not a multiple of
 * 2880 is rejected.
 *
 * <p>Checksum policy, per HDU ({@link FitsHduInfo#checksumStatus()}):
 * <ul>
 * <li>{@link #STATUS_NONE}: neither DATASUM nor CHECKSUM;</li>
 * <li>{@link #STATUS_VERIFIED}: every checksum keyword present matches;</li>
 * <li>DATASUM mismatch on a data unit → rejected ({@code "DATASUM mismatch in HDU n: ..."});</li>
 * <li>{@link #STATUS_NOT_CHECKABLE}: no data unit (NAXIS = 0) but a non-zero DATASUM, as in header-only
 * distributions of SPICE files: accepted, nothing can be verified (the CHECKSUM then covers the missing data too and
 * is not evaluated);</li>
 * <li>{@link #STATUS_HEADER_MODIFIED}: DATASUM matches but CHECKSUM does not: accepted;</li>
 * <li>{@link #STATUS_CHECKSUM_ONLY_MISMATCH}: CHECKSUM does not match and there is no DATASUM to tell whether header
 * or data changed: accepted, flagged.</li>
 * </ul>
 * ZDATASUM/ZHECKSUM of compressed images (checksums of the uncompressed image) are not evaluated.
 */
public final class FitsInspector {

    public static final String STATUS_NONE = "no checksums";
    public static final String STATUS_VERIFIED = "verified";
    public static final String STATUS_NOT_CHECKABLE = "no data unit: DATASUM not checkable";
    public static final String STATUS_HEADER_MODIFIED = "header modified after checksumming (data verified)";
    public static final String STATUS_CHECKSUM_ONLY_MISMATCH = "CHECKSUM mismatch, no DATASUM: data not verified";

    static final int BLOCK = HeaderParser.BLOCK;
    private static final int CARD = HeaderParser.CARD;
    private static final int CHUNK = BLOCK * 364; // ~1 MB, a multiple of 4 and of 2880
    private static final Set<Long> BITPIX_VALUES = Set.of(8L, 16L, 32L, 64L, -32L, -64L);

    private FitsInspector() {
    }

    /** Scans the file's structure with bounded memory and verifies it; never throws anything but these two. */
    public static FitsInspection inspect(Path file, FitsLimits limits) throws FitsRejectedException, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new FitsRejectedException("empty file (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw new FitsRejectedException("file size (" + size + " bytes) exceeds the limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] first = new byte[CARD];
            if (size < CARD || readAt(ch, 0, first, CARD) < CARD || !isSimpleTrue(first)) {
                throw new FitsRejectedException("not a FITS file: first card is not SIMPLE = T");
            }
            List<FitsHduInfo> hdus = new ArrayList<>();
            long pos = 0;
            long[] cardBudget = {limits.maxHeaderCards()};
            while (pos < size) {
                int index = hdus.size();
                if (index > 0) {
                    byte[] card = new byte[CARD];
                    int n = readAt(ch, pos, card, CARD);
                    if (n < 9 || !new String(card, 0, 9, StandardCharsets.US_ASCII).equals("XTENSION=")) {
                        checkTrailingPadding(ch, pos, size);
                        break;
                    }
                }
                FitsHduInfo hdu = readHdu(ch, index, pos, size, limits, cardBudget);
                hdus.add(hdu);
                pos = hdu.dataOffset() + padded(hdu.dataSizeBytes());
            }
            return new FitsInspection(hdus, size, summary(hdus));
        }
    }

    static long padded(long n) {
        long r = n % BLOCK;
        return r == 0 ? n : n + (BLOCK - r);
    }

    private static boolean isSimpleTrue(byte[] card) {
        String s = new String(card, StandardCharsets.US_ASCII);
        if (!s.startsWith("SIMPLE  =")) {
            return false;
        }
        FitsCard c = HeaderParser.parse(HeaderParser.cardText(card, 0));
        return Boolean.TRUE.equals(c.value());
    }

    private static FitsHduInfo readHdu(FileChannel ch, int index, long start, long size, FitsLimits limits,
            long[] cardBudget) throws FitsRejectedException, IOException {
        List<FitsCard> cards = new ArrayList<>();
        FitsChecksum headerSum = new FitsChecksum();
        byte[] block = new byte[BLOCK];
        long p = start;
        boolean end = false;
        while (!end) {
            int n = readAt(ch, p, block, BLOCK);
            for (int off = 0; off + CARD <= n; off += CARD) {
                if (HeaderParser.isEnd(block, off)) {
                    end = true;
                    break;
                }
                if (--cardBudget[0] < 0) {
                    throw new FitsRejectedException("header of HDU " + index + " has too many cards: the limit is "
                            + limits.maxHeaderCards() + " cards per file");
                }
                HeaderParser.add(cards, HeaderParser.cardText(block, off));
            }
            if (n < BLOCK) {
                if (end) {
                    throw new FitsRejectedException("header of HDU " + index + " is not a multiple of 2880 bytes"
                            + " (the file ends " + n + " bytes into its last header block)");
                }
                throw new FitsRejectedException("no END card in header of HDU " + index);
            }
            headerSum.update(block, 0, BLOCK);
            p += BLOCK;
        }
        long dataOffset = p;
        FitsHeader header = new FitsHeader(cards);

        String xtension = null;
        if (index > 0) {
            xtension = header.string("XTENSION");
            xtension = xtension == null ? "" : xtension;
        }
        int bitpix = (int) requireKeyword(header, "BITPIX", index, BITPIX_VALUES,
                " (must be 8, 16, 32, 64, -32 or -64)");
        long[] naxis = axes(header, "NAXIS", index);
        boolean randomGroups = index == 0 && Boolean.TRUE.equals(header.value("GROUPS")) && naxis.length > 0
                && naxis[0] == 0;
        long pcount = 0;
        long gcount = 1;
        if (index > 0 || randomGroups) {
            pcount = optionalCount(header, "PCOUNT", 0, index);
            gcount = optionalCount(header, "GCOUNT", 1, index);
        }
        long dataSize;
        try {
            long elements = 0;
            if (naxis.length > 0) {
                elements = 1;
                for (int i = randomGroups ? 1 : 0; i < naxis.length; i++) {
                    elements = Math.multiplyExact(elements, naxis[i]);
                }
            }
            dataSize = Math.multiplyExact(Math.multiplyExact((long) Math.abs(bitpix) / 8, gcount),
                    Math.addExact(pcount, elements));
        } catch (ArithmeticException e) {
            throw new FitsRejectedException("declared data size of HDU " + index
                    + " (more than 2^63 bytes) exceeds the limit of " + limits.maxFileBytes() + " bytes");
        }
        if (dataSize > limits.maxFileBytes()) {
            throw new FitsRejectedException("declared data size of HDU " + index + " (" + dataSize
                    + " bytes) exceeds the limit of " + limits.maxFileBytes() + " bytes");
        }
        long available = size - dataOffset;
        if (dataSize > available) {
            throw new FitsRejectedException("truncated: data unit shorter than NAXIS implies (HDU " + index
                    + " declares " + dataSize + " bytes, file has " + available + " after the header)");
        }
        if (padded(dataSize) > available) {
            throw new FitsRejectedException("file size not a multiple of 2880 bytes (" + size
                    + " bytes): the data unit of HDU " + index + " lacks its final padding");
        }

        boolean compressed = "BINTABLE".equals(xtension) && Boolean.TRUE.equals(header.value("ZIMAGE"));
        long[] imageAxes = naxis;
        int imageBitpix = bitpix;
        String compressionType = null;
        if (compressed) {
            imageBitpix = (int) requireKeyword(header, "ZBITPIX", index, BITPIX_VALUES,
                    " (must be 8, 16, 32, 64, -32 or -64)");
            imageAxes = axes(header, "ZNAXIS", index);
            for (int i = 0; i < imageAxes.length; i++) {
                if (imageAxes[i] <= 0) {
                    throw new FitsRejectedException("invalid ZNAXIS" + (i + 1) + " in HDU " + index + ": "
                            + imageAxes[i] + " (a compressed image needs positive axes)");
                }
            }
            compressionType = header.string("ZCMPTYPE");
        }

        String status = checksumStatus(ch, header, headerSum.value(), index, dataOffset, dataSize);
        return new FitsHduInfo(index, xtension, bitpix, naxis, compressed, imageAxes, imageBitpix, compressionType,
                header, start, dataOffset, dataSize, status);
    }

    private static long requireKeyword(FitsHeader h, String keyword, int index, Set<Long> allowed, String hint)
            throws FitsRejectedException {
        Object v = h.value(keyword);
        if (!(v instanceof Long l) || !allowed.contains(l)) {
            throw new FitsRejectedException("invalid " + keyword + " in HDU " + index + ": "
                    + (v == null ? "missing" : v) + hint);
        }
        return l;
    }

    private static long[] axes(FitsHeader h, String keyword, int index) throws FitsRejectedException {
        Object n = h.value(keyword);
        if (!(n instanceof Long count) || count < 0 || count > 999) {
            throw new FitsRejectedException("invalid " + keyword + " in HDU " + index + ": "
                    + (n == null ? "missing" : n) + " (must be an integer 0 to 999)");
        }
        long[] axes = new long[count.intValue()];
        for (int i = 0; i < axes.length; i++) {
            Object a = h.value(keyword + (i + 1));
            if (!(a instanceof Long len) || len < 0) {
                throw new FitsRejectedException("invalid " + keyword + (i + 1) + " in HDU " + index + ": "
                        + (a == null ? "missing" : a) + " (must be a non-negative integer)");
            }
            axes[i] = len;
        }
        return axes;
    }

    private static long optionalCount(FitsHeader h, String keyword, long dflt, int index)
            throws FitsRejectedException {
        Object v = h.value(keyword);
        if (v == null && !h.has(keyword)) {
            return dflt;
        }
        if (!(v instanceof Long l) || l < 0) {
            throw new FitsRejectedException("invalid " + keyword + " in HDU " + index + ": " + v
                    + " (must be a non-negative integer)");
        }
        return l;
    }

    private static String checksumStatus(FileChannel ch, FitsHeader header, long headerSum, int index,
            long dataOffset, long dataSize) throws FitsRejectedException, IOException {
        boolean hasDatasum = header.has("DATASUM");
        boolean hasChecksum = header.has("CHECKSUM");
        if (!hasDatasum && !hasChecksum) {
            return STATUS_NONE;
        }
        Long declared = null;
        if (hasDatasum) {
            String text = header.string("DATASUM");
            declared = parseUnsigned32(text);
            if (declared == null) {
                throw new FitsRejectedException("DATASUM mismatch in HDU " + index + ": header says '" + text
                        + "', which is not a 32-bit unsigned integer");
            }
        }
        long dataSum = 0;
        if (dataSize > 0) {
            dataSum = dataChecksum(ch, dataOffset, padded(dataSize));
        } else if (declared != null && declared != 0) {
            return STATUS_NOT_CHECKABLE;
        }
        if (declared != null && declared != dataSum) {
            throw new FitsRejectedException("DATASUM mismatch in HDU " + index + ": header says " + declared
                    + ", data sums to " + dataSum);
        }
        if (hasChecksum) {
            long total = FitsChecksum.add(headerSum, dataSum);
            boolean ok = total == 0xffffffffL || total == 0;
            if (!ok) {
                return declared != null ? STATUS_HEADER_MODIFIED : STATUS_CHECKSUM_ONLY_MISMATCH;
            }
        }
        return STATUS_VERIFIED;
    }

    private static Long parseUnsigned32(String text) {
        if (text == null) {
            return 0L; // DATASUM = '' : treat as zero, as writers do for empty data
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long v = Long.parseLong(t);
        return v <= 0xffffffffL ? v : null;
    }

    private static long dataChecksum(FileChannel ch, long offset, long length) throws IOException {
        FitsChecksum sum = new FitsChecksum();
        byte[] buf = new byte[(int) Math.min(CHUNK, length)];
        long done = 0;
        while (done < length) {
            int want = (int) Math.min(buf.length, length - done);
            int n = readAt(ch, offset + done, buf, want);
            if (n < want) {
                throw new IOException("file shrank while being read");
            }
            sum.update(buf, 0, want);
            done += want;
        }
        return sum.value();
    }

    private static void checkTrailingPadding(FileChannel ch, long pos, long size) throws FitsRejectedException,
            IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, size - pos)];
        long p = pos;
        int kind = -1; // 0 = zeros, 0x20 = blanks
        while (p < size) {
            int want = (int) Math.min(buf.length, size - p);
            int n = readAt(ch, p, buf, want);
            if (n < want) {
                throw new IOException("file shrank while being read");
            }
            for (int i = 0; i < n; i++) {
                int b = buf[i];
                if (kind < 0 && (b == 0 || b == 0x20)) {
                    kind = b;
                }
                if (b != kind) {
                    throw new FitsRejectedException("junk after the last HDU: " + (size - pos) + " bytes at offset "
                            + pos + " are neither an XTENSION header nor zero/blank padding");
                }
            }
            p += n;
        }
        if ((size - pos) % BLOCK != 0) {
            throw new FitsRejectedException("file size not a multiple of 2880 bytes (" + size + " bytes): "
                    + (size - pos) + " stray padding bytes after the last HDU");
        }
    }

    /** Reads up to len bytes at position, returns how many were read (less only at end of file). */
    private static int readAt(FileChannel ch, long position, byte[] dst, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(dst, 0, len);
        long p = position;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
        return bb.position();
    }

    private static String summary(List<FitsHduInfo> hdus) {
        List<Integer> verified = new ArrayList<>();
        List<Integer> notCheckable = new ArrayList<>();
        List<Integer> headerModified = new ArrayList<>();
        List<Integer> checksumOnly = new ArrayList<>();
        List<Integer> none = new ArrayList<>();
        for (FitsHduInfo h : hdus) {
            switch (h.checksumStatus()) {
                case STATUS_VERIFIED -> verified.add(h.index());
                case STATUS_NOT_CHECKABLE -> notCheckable.add(h.index());
                case STATUS_HEADER_MODIFIED -> headerModified.add(h.index());
                case STATUS_CHECKSUM_ONLY_MISMATCH -> checksumOnly.add(h.index());
                default -> none.add(h.index());
            }
        }
        if (none.size() == hdus.size()) {
            return STATUS_NONE;
        }
        StringJoiner parts = new StringJoiner("; ");
        if (!verified.isEmpty()) {
            parts.add("verified (" + verified.size() + (verified.size() == 1 ? " HDU)" : " HDUs)"));
        }
        if (!notCheckable.isEmpty()) {
            parts.add("header-only HDUs: DATASUM not checkable " + list(notCheckable));
        }
        if (!headerModified.isEmpty()) {
            parts.add(STATUS_HEADER_MODIFIED + " " + list(headerModified));
        }
        if (!checksumOnly.isEmpty()) {
            parts.add(STATUS_CHECKSUM_ONLY_MISMATCH + " " + list(checksumOnly));
        }
        if (!none.isEmpty()) {
            parts.add("no checksums " + list(none));
        }
        return parts.toString();
    }

    private static String list(List<Integer> indices) {
        StringJoiner j = new StringJoiner(", ", indices.size() == 1 ? "(HDU " : "(HDUs ", ")");
        indices.forEach(i -> j.add(Integer.toString(i)));
        return j.toString();
    }
}
