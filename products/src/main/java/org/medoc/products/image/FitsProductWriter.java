package org.medoc.products.image;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.header.Standard;
import nom.tam.image.compression.hdu.CompressedImageHDU;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a product as one FITS file: a header-only primary HDU with the product's keywords, then one IMAGE extension
 * per map (EXTNAME, BUNIT and the map's own keywords, e.g. its WCS). Every HDU carries CHECKSUM and DATASUM. The file
 * is written to a temporary name in the same directory and moved into place, so a reader never sees half a product
 * and writing the same product again replaces it whole.
 *
 * <p>With {@link Layout#TILE_COMPRESSED} (the DEM product's layout) each map is a tile-compressed image (FITS
 * standard §10: a BINTABLE with ZIMAGE = T) compressed with GZIP_2 in tiles of {@value #TILE_ROWS} rows, losslessly:
 * floating-point maps are not quantized (ZQUANTIZ = 'NONE', no ZSCALE/ZZERO), so a reader gets back the very bits that
 * were written. GZIP_2 shuffles the bytes of each value so the exponent bytes, which vary little across a map,
 * compress together. astropy, sunpy, cfitsio (fitsverify, funpack) and nom-tam-fits read them as ordinary images.
 */
public final class FitsProductWriter {

    /** One image extension: {@code data} is {@code float[rows][columns]}, {@code short[][]} or {@code byte[][]}. */
    public record ImageExtension(String extensionName, Object data, String unit, List<FitsKeyword> keywords,
                                 List<String> comments) {
        public ImageExtension {
            if (!(data instanceof float[][] || data instanceof short[][] || data instanceof byte[][])) {
                throw new IllegalArgumentException("image data must be float[][], short[][] or byte[][]");
            }
            keywords = List.copyOf(keywords);
            comments = List.copyOf(comments);
        }
    }

    /** How the maps are stored. */
    public enum Layout {
        /** Plain IMAGE extensions, as large as the arrays. */
        UNCOMPRESSED,
        /** Lossless GZIP_2 tile-compressed images. */
        TILE_COMPRESSED
    }

    /** Rows per compression tile: large enough for GZIP to find repeats, small enough to read a cut-out cheaply. */
    static final int TILE_ROWS = 16;

    /**
     * One binary-table extension after the images: {@code columns} are arrays of one length (int[], long[], float[],
     * double[] or String[]), named {@code names} (TTYPEn) with units {@code units} (TUNITn; null or "" for none).
     */
    public record TableExtension(String extensionName, List<String> names, List<String> units, List<Object> columns) {
        public TableExtension {
            if (names.size() != columns.size() || units.size() != columns.size() || columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs one name and one unit per column");
            }
            names = List.copyOf(names);
            units = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(units));
            columns = List.copyOf(columns);
        }
    }

    private FitsProductWriter() {
    }

    /** Writes the product with plain image extensions ({@link Layout#UNCOMPRESSED}). */
    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions) throws IOException {
        write(file, primaryKeywords, history, extensions, List.of(), Layout.UNCOMPRESSED);
    }

    /** As {@link #write(Path, List, List, List)}, with binary tables after the images (e.g. a product's inputs). */
    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions, List<TableExtension> tables) throws IOException {
        write(file, primaryKeywords, history, extensions, tables, Layout.UNCOMPRESSED);
    }

    /** As {@link #write(Path, List, List, List)}, the maps stored as {@code layout} says. */
    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions, Layout layout) throws IOException {
        write(file, primaryKeywords, history, extensions, List.of(), layout);
    }

    /** The product with its maps stored as {@code layout} says and binary tables after them. */
    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions, List<TableExtension> tables, Layout layout)
            throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        try (Fits fits = new Fits()) {
            NullDataHDU primary = new NullDataHDU();
            Header header = primary.getHeader();
            for (FitsKeyword keyword : primaryKeywords) {
                add(header, keyword);
            }
            for (String line : history) {
                if (line.length() > 70) {
                    throw new IllegalArgumentException("HISTORY line longer than 70 characters: " + line);
                }
                header.insertHistory(line);
            }
            primary.setChecksum();
            fits.addHDU(primary);
            for (ImageExtension extension : extensions) {
                ImageHDU image = (ImageHDU) Fits.makeHDU(extension.data());
                Header h = image.getHeader();
                h.addValue("EXTNAME", extension.extensionName(), "name of this map");
                if (extension.unit() != null) {
                    h.addValue("BUNIT", extension.unit(), "unit of the values");
                }
                for (FitsKeyword keyword : extension.keywords()) {
                    add(h, keyword);
                }
                for (String comment : extension.comments()) {
                    if (comment.length() > 70) {
                        throw new IllegalArgumentException("COMMENT line longer than 70 characters: " + comment);
                    }
                    h.insertComment(comment);
                }
                fits.addHDU(layout == Layout.TILE_COMPRESSED ? compressed(image) : image);
            }
            for (TableExtension table : tables) {
                nom.tam.fits.BinaryTableHDU hdu = nom.tam.fits.BinaryTable
                        .fromColumnMajor(table.columns().toArray()).toHDU();
                for (int column = 0; column < table.names().size(); column++) {
                    hdu.setColumnName(column, table.names().get(column), null);
                    String unit = table.units().get(column);
                    if (unit != null && !unit.isEmpty()) {
                        hdu.getHeader().addValue("TUNIT" + (column + 1), unit, "unit of column " + (column + 1));
                    }
                }
                hdu.getHeader().addValue("EXTNAME", table.extensionName(), "name of this table");
                fits.addHDU(hdu);
            }
            // CHECKSUM/DATASUM: placeholder cards now, the sums from the written bytes afterwards (FitsChecksums); nom-tam-fits's
            // own setChecksum serialises every HDU's data once more just to sum it, at ≈ 80 MB/s on one core
            List<BasicHDU<?>> hdus = new java.util.ArrayList<>();
            for (int i = 0; i < fits.getNumberOfHDUs(); i++) {
                hdus.add(fits.getHDU(i));
                nom.tam.fits.utilities.FitsCheckSum.setDatasum(fits.getHDU(i).getHeader(), 0);
            }
            Files.deleteIfExists(temporary);
            fits.write(temporary.toFile());
            FitsChecksums.fill(temporary, hdus);
        } catch (FitsException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The image as a lossless GZIP_2 tile-compressed HDU; its header keeps the image's keywords (EXTNAME, BUNIT, WCS,
     * comments), which readers present as the image header.
     */
    private static BasicHDU<?> compressed(ImageHDU image) throws FitsException {
        // Fits.makeHDU gives a primary-style header (SIMPLE, EXTEND): as an extension it must say XTENSION = 'IMAGE' so
        // the compressed header carries ZTENSION (not ZSIMPLE) and readers give the map back with its EXTNAME
        Header header = image.getHeader();
        header.deleteKey(Standard.SIMPLE);
        header.deleteKey(Standard.EXTEND);
        header.addValue(Standard.XTENSION, Standard.XTENSION_IMAGE);
        int columns = image.getAxes()[1];
        int rows = image.getAxes()[0];
        // tile sizes in FITS order (ZTILE1 = columns of a tile, ZTILE2 = its rows)
        CompressedImageHDU hdu = CompressedImageHDU.fromImageHDU(image, columns, Math.min(TILE_ROWS, rows));
        hdu.setCompressAlgorithm(Compression.ZCMPTYPE_GZIP_2);
        hdu.compress();
        if (image.getBitPix() < 0) {
            // without it astropy (5.2) takes the floats as quantized integers and returns garbage; cfitsio's fpack -q 0
            // writes the same card
            hdu.getHeader().addValue("ZQUANTIZ", "NONE", "lossless: values not quantized");
        }
        return hdu;
    }

    /** Adds one card, its comment cut to what fits on the card (no long-string continuation: fitsverify warns on it). */
    private static void add(Header header, FitsKeyword keyword) throws FitsException {
        int valueLength = keyword.value() instanceof String text ? Math.max(10, text.replace("'", "''").length() + 2)
                : Math.max(20, String.valueOf(keyword.value()).length() + 4);
        int room = 80 - 10 - valueLength - 3;
        String comment = keyword.comment().length() <= room ? keyword.comment()
                : (room > 0 ? keyword.comment().substring(0, room) : "");
        switch (keyword.value()) {
            case String text -> header.addValue(keyword.name(), text, comment);
            case Boolean flag -> header.addValue(keyword.name(), flag, comment);
            case Integer number -> header.addValue(keyword.name(), number, comment);
            case Long number -> header.addValue(keyword.name(), number, comment);
            case Double number -> header.addValue(keyword.name(), number, comment);
            default -> throw new IllegalArgumentException("unsupported value for " + keyword.name());
        }
    }
}
