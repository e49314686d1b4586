package org.medoc.products.image;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.NullDataHDU;

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

    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions) throws IOException {
        write(file, primaryKeywords, history, extensions, List.of());
    }

    /** As {@link #write(Path, List, List, List)}, with binary tables after the images (e.g. a product's inputs). */
    public static void write(Path file, List<FitsKeyword> primaryKeywords, List<String> history,
                             List<ImageExtension> extensions, List<TableExtension> tables) throws IOException {
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
                BasicHDU<?> hdu = Fits.makeHDU(extension.data());
                Header h = hdu.getHeader();
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
                fits.addHDU(hdu);
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
            for (int i = 0; i < fits.getNumberOfHDUs(); i++) {
                fits.getHDU(i).setChecksum();
            }
            Files.deleteIfExists(temporary);
            fits.write(temporary.toFile());
        } catch (FitsException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
