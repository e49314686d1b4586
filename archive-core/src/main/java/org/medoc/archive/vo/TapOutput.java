package org.medoc.archive.vo;

import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result formats of the service, written as the rows are read (constant memory): VOTable 1.4 (STIL's
 * TABLEDATA serializer inside a DALI results document with its QUERY_STATUS), CSV and JSON; and the VOTable error
 * document.
 */
public enum TapOutput {
    VOTABLE("application/x-votable+xml", "votable", "application/x-votable+xml", "text/xml", "votable/td",
            "application/x-votable+xml;serialization=tabledata"),
    CSV("text/csv", "csv", "text/csv", "text/csv;header=present"),
    JSON("application/json", "json", "application/json");

    static final String VOTABLE_NAMESPACE = "http://www.ivoa.net/xml/VOTable/v1.3";

    private final String mediaType;
    private final List<String> names;

    TapOutput(String mediaType, String... names) {
        this.mediaType = mediaType;
        this.names = List.of(names);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The short name clients give in RESPONSEFORMAT (FORMAT in TAP 1.0). */
    public String alias() {
        return names.get(0);
    }

    /** The format a RESPONSEFORMAT value names; null or blank: VOTable. */
    public static TapOutput named(String format) {
        if (format == null || format.isBlank()) {
            return VOTABLE;
        }
        String wanted = format.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return find(wanted).orElseThrow(() -> new AdqlException("RESPONSEFORMAT " + format
                + " is not offered: use votable (default), csv or json"));
    }

    private static Optional<TapOutput> find(String wanted) {
        for (TapOutput output : values()) {
            if (output.names.contains(wanted)) {
                return Optional.of(output);
            }
        }
        return Optional.empty();
    }

    /** Writes the whole result to {@code out}, reading rows from {@code result} one at a time. */
    public void write(TapQueryService.QueryResult result, OutputStream out) throws IOException {
        switch (this) {
            case VOTABLE -> writeVoTable(result, out);
            case CSV -> writeCsv(result, out);
            case JSON -> writeJson(result, out);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // VOTable

    private static void writeVoTable(TapQueryService.QueryResult result, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        header(writer);
        writer.write("<RESOURCE type=\"results\">\n");
        writer.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        writer.flush();
        StreamedTable table = new StreamedTable(result);
        VOSerializer serializer = VOSerializer.makeSerializer(DataFormat.TABLEDATA, VOTableVersion.V14, table);
        serializer.writeInlineTableElement(writer);
        if (result.overflow()) {
            writer.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        writer.write("</RESOURCE>\n</VOTABLE>\n");
        writer.flush();
    }

    private static void header(BufferedWriter writer) throws IOException {
        writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.write("<VOTABLE version=\"1.4\" xmlns=\"" + VOTABLE_NAMESPACE
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
    }

    /** The DALI error document: a results RESOURCE whose QUERY_STATUS is ERROR, with the message as its text. */
    public static void writeError(String message, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        header(writer);
        writer.write("<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">");
        writer.write(VOSerializer.formatText(message));
        writer.write("</INFO>\n</RESOURCE>\n</VOTABLE>\n");
        writer.flush();
    }

    /** The result as a StarTable whose single row sequence reads the database cursor (no second pass, no copy). */
    private static final class StreamedTable extends AbstractStarTable {
        private final TapQueryService.QueryResult result;
        private final ColumnInfo[] infos;
        private boolean sequenceTaken;

        StreamedTable(TapQueryService.QueryResult result) {
            this.result = result;
            this.infos = result.columns().stream().map(StreamedTable::info).toArray(ColumnInfo[]::new);
        }

        private static ColumnInfo info(TapColumn column) {
            ColumnInfo info = new ColumnInfo(column.name(), column.type().javaClass(), column.description());
            info.setUnitString(column.unit());
            info.setUCD(column.ucd());
            info.setUtype(column.utype());
            info.setXtype(column.type().xtype());
            info.setNullable(true);
            return info;
        }

        @Override
        public ColumnInfo getColumnInfo(int column) {
            return infos[column];
        }

        @Override
        public int getColumnCount() {
            return infos.length;
        }

        @Override
        public long getRowCount() {
            return -1;
        }

        @Override
        public RowSequence getRowSequence() {
            if (sequenceTaken) {
                throw new IllegalStateException("a streamed result can be read once");
            }
            sequenceTaken = true;
            return new RowSequence() {
                private Object[] row;

                @Override
                public boolean next() {
                    boolean more = result.next();
                    row = more ? result.row() : null;
                    return more;
                }

                @Override
                public Object getCell(int column) {
                    return row[column];
                }

                @Override
                public Object[] getRow() {
                    return row;
                }

                @Override
                public void close() {
                    // the caller closes the query result
                }
            };
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // CSV (RFC 4180, header line) and JSON

    private static void writeCsv(TapQueryService.QueryResult result, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<TapColumn> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            writer.write((i == 0 ? "" : ",") + csv(columns.get(i).name()));
        }
        writer.write("\r\n");
        while (result.next()) {
            Object[] row = result.row();
            for (int i = 0; i < row.length; i++) {
                writer.write((i == 0 ? "" : ",") + (row[i] == null ? "" : csv(String.valueOf(row[i]))));
            }
            writer.write("\r\n");
        }
        writer.flush();
    }

    private static String csv(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void writeJson(TapQueryService.QueryResult result, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("{\"metadata\":[");
        List<TapColumn> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            TapColumn column = columns.get(i);
            writer.write((i == 0 ? "" : ",") + "{\"name\":" + json(column.name()) + ",\"datatype\":"
                    + json(column.type().votableDatatype()) + ",\"arraysize\":" + json(column.type().arraysize())
                    + ",\"xtype\":" + json(column.type().xtype()) + ",\"unit\":" + json(column.unit())
                    + ",\"ucd\":" + json(column.ucd()) + ",\"description\":" + json(column.description()) + "}");
        }
        writer.write("],\"data\":[");
        boolean first = true;
        while (result.next()) {
            Object[] row = result.row();
            writer.write(first ? "\n[" : ",\n[");
            first = false;
            for (int i = 0; i < row.length; i++) {
                writer.write((i == 0 ? "" : ",") + jsonValue(row[i]));
            }
            writer.write("]");
        }
        writer.write("],\"overflow\":" + result.overflow() + "}\n");
        writer.flush();
    }

    private static String jsonValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return json(value.toString());
    }

    static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
