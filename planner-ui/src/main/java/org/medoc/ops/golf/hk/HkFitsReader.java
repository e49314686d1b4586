package org.medoc.ops.golf.hk;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads housekeeping from the first binary-table extension of a FITS file, row by row from the stream (constant
 * memory, whatever NAXIS2): a column {@code TIME} (seconds since the header's {@code DATEREF}, an ISO-8601 UTC time)
 * and one scalar numeric column per parameter, named by its mnemonic ({@code TTYPEn}); a NaN (or TNULL) cell is no
 * sample. Errors name the table row.
 */
final class HkFitsReader {

    private HkFitsReader() {
    }

    private record Column(String name, char type, int offset, Long tnull, double scale, double zero) {
    }

    static void read(InputStream in, String fileName, HkRowSink sink) throws IOException {
        FitsInputStream fits = new FitsInputStream(in);
        try {
            Header primary = Header.readHeader(fits);
            skip(fits, primary.getDataSize());
            Header table = Header.readHeader(fits);
            if (table == null || !"BINTABLE".equals(table.getStringValue("XTENSION"))) {
                throw new HkImportException(fileName, 0, "no binary table after the primary HDU");
            }
            String dateRef = table.getStringValue("DATEREF");
            if (dateRef == null) {
                dateRef = primary.getStringValue("DATEREF");
            }
            if (dateRef == null) {
                throw new HkImportException(fileName, 0, "the header needs DATEREF (the UTC time TIME counts from)");
            }
            Instant reference = HkCsvReader.time(dateRef.strip(), fileName, 0);
            int rowBytes = table.getIntValue("NAXIS1");
            long rows = table.getLongValue("NAXIS2");
            int fields = table.getIntValue("TFIELDS");
            List<Column> columns = new ArrayList<>();
            int offset = 0;
            Column time = null;
            for (int i = 1; i <= fields; i++) {
                String form = table.getStringValue("TFORM" + i).strip().toUpperCase(Locale.ROOT);
                int repeat = form.length() > 1 ? Integer.parseInt(form.substring(0, form.length() - 1)) : 1;
                char type = form.charAt(form.length() - 1);
                int width = switch (type) {
                    case 'L', 'B', 'A' -> 1;
                    case 'I' -> 2;
                    case 'J', 'E' -> 4;
                    case 'K', 'D' -> 8;
                    default -> throw new HkImportException(fileName, 0, "column " + i + " has the unsupported TFORM " + form);
                };
                String name = table.getStringValue("TTYPE" + i);
                name = name == null ? "COL" + i : name.strip().toUpperCase(Locale.ROOT);
                if ("IJKED".indexOf(type) >= 0 && repeat == 1) {
                    Long tnull = table.containsKey("TNULL" + i) ? table.getLongValue("TNULL" + i) : null;
                    Column column = new Column(name, type, offset, tnull, table.getDoubleValue("TSCAL" + i, 1.0),
                            table.getDoubleValue("TZERO" + i, 0.0));
                    if (name.equals("TIME")) {
                        time = column;
                    } else {
                        columns.add(column);
                    }
                }
                offset += repeat * width;
            }
            if (time == null) {
                throw new HkImportException(fileName, 0, "the table has no scalar numeric TIME column");
            }
            if (offset != rowBytes) {
                throw new HkImportException(fileName, 0, "the columns take " + offset + " bytes, NAXIS1 says " + rowBytes);
            }
            byte[] row = new byte[rowBytes];
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(row);
            DataInputStream data = new DataInputStream(fits);
            long referenceMicros = LimitTimeline.micros(reference);
            for (long r = 1; r <= rows; r++) {
                try {
                    data.readFully(row);
                } catch (java.io.EOFException e) {
                    throw new HkImportException(fileName, r, "the file ends inside table row " + r + " of " + rows);
                }
                double seconds = value(buffer, time);
                if (!Double.isFinite(seconds)) {
                    throw new HkImportException(fileName, r, "table row " + r + " has no TIME");
                }
                long micros = referenceMicros + Math.round(seconds * 1e6);
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
                for (Column column : columns) {
                    double raw = value(buffer, column);
                    if (!Double.isNaN(raw)) {
                        sink.sample(r, column.name(), at, raw);
                    }
                }
            }
        } catch (FitsException e) {
            throw new HkImportException(fileName, 0, "not a readable FITS file: " + e.getMessage());
        }
    }

    private static double value(java.nio.ByteBuffer row, Column column) {
        long integer;
        switch (column.type()) {
            case 'E' -> {
                return row.getFloat(column.offset());
            }
            case 'D' -> {
                return row.getDouble(column.offset());
            }
            case 'I' -> integer = row.getShort(column.offset());
            case 'J' -> integer = row.getInt(column.offset());
            default -> integer = row.getLong(column.offset());
        }
        if (column.tnull() != null && integer == column.tnull()) {
            return Double.NaN;
        }
        return column.zero() + column.scale() * integer;
    }

    private static void skip(FitsInputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new java.io.EOFException("the file ends inside the primary data");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
