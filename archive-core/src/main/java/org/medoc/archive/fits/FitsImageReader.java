package org.medoc.archive.fits;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * Decodes one image plane with nom-tam-fits 1.21.2, guarded: sizes are checked against {@link FitsLimits} from our own
 * {@link FitsInspection} before the library sees the file, compression variants that 1.21.2 decodes wrongly are
 * refused, and every exception or error the library throws becomes a {@link FitsRejectedException}.
 */
public final class FitsImageReader {

    /** GZIP_1 tiles whose compressed size exceeds this are decoded wrongly by nom-tam-fits 1.21.2. */
    static final long GZIP_SAFE_TILE_BYTES = 64 * 1024;

    private static final Set<String> SUPPORTED_COMPRESSION = Set.of("RICE_1", "RICE_ONE", "GZIP_1", "GZIP_2",
            "HCOMPRESS_1", "PLIO_1", "NOCOMPRESS");

    private FitsImageReader() {
    }

    /**
     * Decodes the first plane (first 2 axes, index 0 on all others) of the given image HDU, plain or
     * tile-compressed, into physical units: BSCALE/BZERO applied, BLANK (integer images only) and non-finite values
     * turned into NaN.
     */
    public static ImagePlane readPlane(Path file, FitsInspection inspection, FitsHduInfo hdu, FitsLimits limits)
            throws FitsRejectedException, IOException {
        return readPlane(file, inspection, hdu, limits, DecodeBudget.forFile(java.nio.file.Files.size(file), limits));
    }

    /**
     * As {@link #readPlane(Path, FitsInspection, FitsHduInfo, FitsLimits)}, charging the library's reads and our
     * conversion loops to {@code budget}: a decode that spends it, or is {@linkplain DecodeBudget#stop stopped}, ends
     * at its next read or row with a {@link FitsRejectedException} carrying the reason.
     */
    public static ImagePlane readPlane(Path file, FitsInspection inspection, FitsHduInfo hdu, FitsLimits limits,
                                       DecodeBudget budget) throws FitsRejectedException, IOException {
        int index = hdu.index();
        if (index < 0 || index >= inspection.hdus().size() || !inspection.hdus().get(index).equals(hdu)) {
            throw new IllegalArgumentException("HDU " + index + " does not belong to this inspection");
        }
        if (!hdu.hasImage()) {
            throw new FitsRejectedException("HDU " + index + " has no image to read");
        }
        long[] axes = hdu.imageAxes();
        long w = axes[0];
        long h = axes[1];
        long planePixels = w * h; // both <= file size / 1 bit, cannot overflow after inspection? guard anyway
        if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE || planePixels / h != w
                || planePixels > limits.maxImagePixels() || planePixels > Integer.MAX_VALUE - 16) {
            throw new FitsRejectedException("image plane of HDU " + index + " (" + w + "×" + h
                    + " pixels) exceeds the decoding limit of " + limits.maxImagePixels() + " pixels");
        }
        if (hdu.compressedImage()) {
            checkCompression(hdu, limits);
        }
        Scaling scaling = Scaling.of(hdu);
        try (Fits fits = new Fits(new BudgetedFileIO(file, budget))) {
            BasicHDU<?> basic = fits.getHDU(index);
            Object pixels;
            int width = (int) w;
            int height = (int) h;
            if (hdu.compressedImage()) {
                if (!(basic instanceof CompressedImageHDU compressed)) {
                    throw new FitsRejectedException("unreadable image data in HDU " + index
                            + ": nom-tam-fits does not see a compressed image there");
                }
                ImageHDU image = compressed.asImageHDU();
                pixels = firstPlane(image.getKernel(), width, height, budget);
            } else {
                if (!(basic instanceof ImageHDU image)) {
                    throw new FitsRejectedException("unreadable image data in HDU " + index
                            + ": nom-tam-fits does not see an image there");
                }
                int n = axes.length;
                int[] corners = new int[n];
                int[] lengths = new int[n];
                java.util.Arrays.fill(lengths, 1);
                lengths[n - 1] = width;  // nom-tam orders axes as Java arrays: NAXISn first, NAXIS1 last
                lengths[n - 2] = height;
                pixels = image.getTiler().getTile(corners, lengths);
            }
            budget.check();
            return new ImagePlane(width, height, scaling.apply(pixels, width, height, index, budget));
        } catch (FitsRejectedException e) {
            throw e;
        } catch (FitsException | IOException e) {
            // the library wraps what our budgeted reads throw: a stopped decode is reported as such, whatever the wrapper
            if (budget.stopReason() != null) {
                throw stopped(index, budget);
            }
            if (e instanceof FitsException || e instanceof EOFException) {
                throw unreadable(index, e);
            }
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (budget.stopReason() != null) {
                throw stopped(index, budget);
            }
            throw unreadable(index, e);
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e; // InternalError / UnknownError: the JVM itself is broken, not the file
            }
            throw unreadable(index, e);
        }
    }

    /**
     * The rows a quicklook of at most {@code maxSide} pixels on a side needs: with s = ceil(longer side / maxSide),
     * only rows 0, s, 2s, … where the file's layout lets them be read alone (plain images, and lossless RICE_1
     * images in row tiles, the layout of SDO level-1 files: see {@link RiceRows}), else the whole plane as
     * {@link #readPlane(Path, FitsInspection, FitsHduInfo, FitsLimits, DecodeBudget)} reads it. Same checks, same
     * refusals, same budget. An image that fits the quicklook (s = 1) takes the same path for every row: for a small
     * file, nom-tam-fits' parse of every header card again and its decode cost more than all the rest of the
     * quicklook (docs/benchmarks.md, "Small files: fewer copies, no second header parse").
     */
    public static ImagePlane readQuicklookRows(Path file, FitsInspection inspection, FitsHduInfo hdu, FitsLimits limits,
                                               DecodeBudget budget, int maxSide) throws FitsRejectedException, IOException {
        long[] axes = hdu.imageAxes();
        if (!hdu.hasImage() || axes[0] > Integer.MAX_VALUE || axes[1] > Integer.MAX_VALUE
                || axes[0] * axes[1] > limits.maxImagePixels()) {
            return readPlane(file, inspection, hdu, limits, budget); // refused there, with the reason
        }
        int width = (int) axes[0];
        int height = (int) axes[1];
        int step = (int) Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
        RiceRows rice = hdu.compressedImage() ? RiceRows.of(hdu) : null;
        boolean plain = !hdu.compressedImage() && hdu.dataSizeBytes() >= axes[0] * axes[1] * Math.abs(hdu.bitpix()) / 8;
        if (rice == null && !plain) {
            return readPlane(file, inspection, hdu, limits, budget);
        }
        if (hdu.compressedImage()) {
            checkCompression(hdu, limits);
        }
        int rows = (height + step - 1) / step;
        Scaling scaling = Scaling.of(hdu);
        float[] values = new float[Math.multiplyExact(rows, width)];
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ)) {
            if (rice != null) {
                long[] raw = new long[width];
                // one row at a time through the raw buffer: memory is the rows kept, whatever the image size
                for (int r = 0; r < rows; r++) {
                    rice.readRow(channel, r * step, raw, budget);
                    scaling.convertRaw(raw, values, r * width);
                }
            } else {
                int bytes = Math.abs(hdu.bitpix()) / 8;
                // every row (an image that fits the quicklook): the rows are contiguous, so read up to 1 MiB of them
                // at once rather than a call per row; still bounded whatever the image size
                int together = step == 1 ? Math.max(1, Math.min(rows, (1 << 20) / Math.multiplyExact(width, bytes))) : 1;
                java.nio.ByteBuffer row = java.nio.ByteBuffer.allocate(Math.multiplyExact(together, width * bytes));
                for (int r = 0; r < rows; r += together) {
                    int n = Math.min(together, rows - r);
                    row.clear().limit(n * width * bytes);
                    long at = hdu.dataOffset() + (long) r * step * width * bytes;
                    while (row.hasRemaining()) {
                        if (channel.read(row, at + row.position()) < 0) {
                            throw new FitsRejectedException("truncated: data unit shorter than NAXIS implies");
                        }
                    }
                    budget.chargeBytes(row.limit());
                    row.flip();
                    for (int k = 0; k < n; k++) {
                        scaling.convertBigEndian(row, hdu.bitpix(), values, (r + k) * width, width);
                        budget.chargePixels(width);
                    }
                }
            }
        }
        budget.check();
        return new ImagePlane(width, rows, values, step, height);
    }

    private static FitsRejectedException stopped(int index, DecodeBudget budget) {
        return new FitsRejectedException("unreadable image data in HDU " + index + ": " + budget.stopReason());
    }

    private static FitsRejectedException unreadable(int index, Throwable e) {
        String msg = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            msg = "nom-tam-fits ran out of memory (OutOfMemoryError)";
        } else if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        } else {
            msg = e.getClass().getSimpleName() + ": " + msg;
        }
        if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
            msg += " (" + e.getCause().getMessage() + ")";
        }
        return new FitsRejectedException("unreadable image data in HDU " + index + ": " + msg, e);
    }

    /** Refuses what nom-tam-fits 1.21.2 would decode wrongly or could not bound. */
    private static void checkCompression(FitsHduInfo hdu, FitsLimits limits) throws FitsRejectedException {
        int index = hdu.index();
        FitsHeader header = hdu.header();
        long[] axes = hdu.imageAxes();
        long total = 1;
        for (long a : axes) {
            total = a == 0 ? 0 : (total > Long.MAX_VALUE / a ? Long.MAX_VALUE : total * a);
        }
        if (total > limits.maxImagePixels()) {
            throw new FitsRejectedException("compressed image of HDU " + index + " (" + total
                    + " pixels in all planes) exceeds the decoding limit of " + limits.maxImagePixels() + " pixels");
        }
        String type = hdu.compressionType() == null ? "" : hdu.compressionType().toUpperCase(Locale.ROOT);
        if (!SUPPORTED_COMPRESSION.contains(type)) {
            throw new FitsRejectedException("unsupported compression: ZCMPTYPE '" + hdu.compressionType()
                    + "' in HDU " + index);
        }
        long tilePixels = 1;
        StringBuilder tile = new StringBuilder();
        for (int i = 0; i < axes.length; i++) {
            String key = "ZTILE" + (i + 1);
            long t;
            if (header.has(key)) {
                Object v = header.value(key);
                if (!(v instanceof Long l) || l <= 0 || l > axes[i]) {
                    throw new FitsRejectedException("unsupported compression: invalid " + key + " in HDU " + index
                            + ": " + v + " (must be 1 to ZNAXIS" + (i + 1) + " = " + axes[i] + ")");
                }
                t = l;
            } else {
                t = i == 0 ? axes[0] : 1; // default: one row per tile
            }
            tilePixels *= t; // product of values each <= its axis: bounded by total
            tile.append(i == 0 ? "" : "×").append(t);
        }
        int bytesPerPixel = Math.abs(hdu.imageBitpix()) / 8;
        long tileBytes = tilePixels * bytesPerPixel;
        if (type.equals("GZIP_1") && hdu.imageBitpix() != 8) {
            // Measured against funpack: nom-tam-fits 1.21.2 corrupts GZIP_1 tiles of 16-, 32- and 64-bit pixels whose
            // COMPRESSED size exceeds 64 KiB (58,093 bytes decode right, 66,429 bytes wrong), whatever their
            // uncompressed size; GZIP_2 and 8-bit pixels decode right. fpack declares the largest compressed tile in
            // the TFORM of the COMPRESSED_DATA column ("1PB(66429)"); without it, the uncompressed size bounds it.
            Long largest = largestCompressedTile(header);
            long bound = largest != null ? largest : tileBytes;
            if (bound > GZIP_SAFE_TILE_BYTES) {
                throw new FitsRejectedException("unsupported compression: GZIP_1 tiles larger than 64 kB ("
                        + (largest != null ? "largest compressed tile " + largest + " bytes"
                                : "ZTILE " + tile + " of " + bytesPerPixel + "-byte pixels = " + tileBytes + " bytes")
                        + ", HDU " + index + ") are decoded wrongly by nom-tam-fits 1.21.2");
            }
        }
        if (hdu.imageBitpix() < 0 && type.startsWith("RICE") && isQuantised(header) && hasNullPixels(header)) {
            throw new FitsRejectedException("unsupported compression: quantised floating-point RICE_1 with null"
                    + " pixels (ZBLANK) in HDU " + index + " is decoded wrongly by nom-tam-fits 1.21.2");
        }
    }

    /** The declared maximum length of the COMPRESSED_DATA variable-length column ({@code 1PB(max)}), or null. */
    static Long largestCompressedTile(FitsHeader header) {
        Long n = header.integer("TFIELDS");
        for (int i = 1; n != null && i <= Math.min(n, 999); i++) {
            if ("COMPRESSED_DATA".equalsIgnoreCase(header.string("TTYPE" + i))) {
                String form = header.string("TFORM" + i);
                java.util.regex.Matcher m = form == null ? null
                        : java.util.regex.Pattern.compile("\\d*[PQ][A-Z]\\((\\d{1,18})\\)").matcher(form.trim());
                return m != null && m.matches() ? Long.valueOf(m.group(1)) : null;
            }
        }
        return null;
    }

    private static boolean isQuantised(FitsHeader header) {
        String q = header.string("ZQUANTIZ");
        if (q != null) {
            return !q.equalsIgnoreCase("NONE");
        }
        return hasColumn(header, "ZSCALE") || header.has("ZSCALE");
    }

    private static boolean hasNullPixels(FitsHeader header) {
        return header.has("ZBLANK") || hasColumn(header, "ZBLANK");
    }

    private static boolean hasColumn(FitsHeader header, String name) {
        Long n = header.integer("TFIELDS");
        for (int i = 1; n != null && i <= Math.min(n, 999); i++) {
            if (name.equalsIgnoreCase(header.string("TTYPE" + i))) {
                return true;
            }
        }
        return false;
    }

    /** Descends into index 0 of the leading axes until a 2-D array [height][width] remains; returns it flattened. */
    private static Object firstPlane(Object kernel, int width, int height, DecodeBudget budget)
            throws FitsRejectedException, DecodeBudget.DecodeStoppedException {
        Object o = kernel;
        while (o instanceof Object[] arr && arr.length > 0 && arr[0] instanceof Object[]) {
            o = arr[0];
        }
        if (!(o instanceof Object[] rows) || rows.length != height) {
            throw new FitsRejectedException("unreadable image data: decoded image does not have " + height + " rows");
        }
        Object first = rows[0];
        int len = java.lang.reflect.Array.getLength(first);
        if (len != width) {
            throw new FitsRejectedException("unreadable image data: decoded rows do not have " + width + " pixels");
        }
        Object flat = java.lang.reflect.Array.newInstance(first.getClass().getComponentType(), width * height);
        for (int y = 0; y < height; y++) {
            if (rows[y] == null || java.lang.reflect.Array.getLength(rows[y]) != width) {
                throw new FitsRejectedException("unreadable image data: decoded row " + y + " is incomplete");
            }
            System.arraycopy(rows[y], 0, flat, y * width, width);
            budget.chargePixels(width);
        }
        return flat;
    }

    /** BSCALE/BZERO/BLANK of the image, from our own header parse. */
    private record Scaling(double scale, double zero, Long blank, boolean integer) {

        static Scaling of(FitsHduInfo hdu) {
            FitsHeader h = hdu.header();
            Double s = h.number("BSCALE");
            Double z = h.number("BZERO");
            boolean integer = hdu.imageBitpix() > 0;
            return new Scaling(s == null || s == 0 || !Double.isFinite(s) ? 1 : s,
                    z == null || !Double.isFinite(z) ? 0 : z, integer ? h.integer("BLANK") : null, integer);
        }

        float[] apply(Object pixels, int width, int height, int index, DecodeBudget budget)
                throws FitsRejectedException, DecodeBudget.DecodeStoppedException {
            int n = width * height;
            float[] out = new float[n];
            // converted row by row so that the budget (and a stop) is checked between rows
            for (int row = 0; row < height; row++) {
                convert(pixels, out, row * width, (row + 1) * width, n, index);
                budget.chargePixels(width);
            }
            return out;
        }

        /** Raw integers of one row into physical values (BLANK to NaN). */
        void convertRaw(long[] raw, float[] out, int from) {
            for (int i = 0; i < raw.length; i++) {
                out[from + i] = blank != null && raw[i] == blank ? Float.NaN : phys(raw[i]);
            }
        }

        /** One row of big-endian FITS pixels of {@code bitpix} into physical values. */
        void convertBigEndian(java.nio.ByteBuffer row, int bitpix, float[] out, int from, int width) {
            for (int i = 0; i < width; i++) {
                long raw;
                double real;
                switch (bitpix) {
                    case 8 -> { raw = row.get() & 0xff; real = raw; }
                    case 16 -> { raw = row.getShort(); real = raw; }
                    case 32 -> { raw = row.getInt(); real = raw; }
                    case 64 -> { raw = row.getLong(); real = raw; }
                    case -32 -> { raw = 0; real = row.getFloat(); }
                    default -> { raw = 0; real = row.getDouble(); }
                }
                out[from + i] = integer && blank != null && raw == blank ? Float.NaN : phys(real);
            }
        }

        private void convert(Object pixels, float[] out, int from, int to, int n, int index) throws FitsRejectedException {
            long blank = this.blank == null ? 0 : this.blank;
            boolean hasBlank = this.blank != null;
            switch (pixels) {
                case byte[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        int v = a[i] & 0xff;
                        out[i] = hasBlank && v == blank ? Float.NaN : phys(v);
                    }
                }
                case short[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        out[i] = hasBlank && a[i] == blank ? Float.NaN : phys(a[i]);
                    }
                }
                case int[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        out[i] = hasBlank && a[i] == blank ? Float.NaN : phys(a[i]);
                    }
                }
                case long[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        out[i] = hasBlank && a[i] == blank ? Float.NaN : phys(a[i]);
                    }
                }
                case float[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        out[i] = phys(a[i]);
                    }
                }
                case double[] a when a.length == n -> {
                    for (int i = from; i < to; i++) {
                        out[i] = phys(a[i]);
                    }
                }
                default -> throw new FitsRejectedException("unreadable image data in HDU " + index
                        + ": nom-tam-fits returned " + (pixels == null ? "nothing" : pixels.getClass().getSimpleName()
                        + " instead of " + n + " pixels"));
            }
        }

        private float phys(double raw) {
            double v = raw * scale + zero;
            return Double.isFinite(v) ? (float) v : Float.NaN;
        }
    }
}
