package org.medoc.archive.vo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.medoc.archive.vo.TapType.INT;
import static org.medoc.archive.vo.TapType.STRING;

/**
 * TAP_SCHEMA (TAP 1.1 §4): schemas, tables, columns, keys and key_columns, describing exactly the published tables
 * and themselves. The rows are computed from the Java descriptions and queried as VALUES lists with bind values, so
 * that TAP_SCHEMA can never drift from what the service serves.
 */
final class TapSchemaTables {

    private TapSchemaTables() {
    }

    private static TapColumn col(String name, TapType type, String description) {
        return new TapColumn(name, type, null, null, null, description, true, false, true);
    }

    static final List<TapColumn> SCHEMAS = List.of(
            col("schema_name", STRING, "Schema name, for reference"),
            col("utype", STRING, "Data-model utype of the schema"),
            col("description", STRING, "Brief description of the schema"),
            col("schema_index", INT, "Recommended sort order of schemas"));
    static final List<TapColumn> TABLES = List.of(
            col("schema_name", STRING, "Schema holding the table"),
            col("table_name", STRING, "Fully qualified table name"),
            col("table_type", STRING, "Either table or view"),
            col("utype", STRING, "Data-model utype of the table"),
            col("description", STRING, "Brief description of the table"),
            col("table_index", INT, "Recommended sort order of tables"));
    static final List<TapColumn> COLUMNS = List.of(
            col("table_name", STRING, "Table holding the column"),
            col("column_name", STRING, "Column name"),
            col("datatype", STRING, "VOTable datatype of the column"),
            col("arraysize", STRING, "VOTable arraysize of the column"),
            col("xtype", STRING, "VOTable xtype of the column"),
            col("size", INT, "Length of fixed-size columns (deprecated by TAP 1.1 in favour of arraysize)"),
            col("description", STRING, "Brief description of the column"),
            col("utype", STRING, "Data-model utype of the column"),
            col("unit", STRING, "Unit in VOUnit format"),
            col("ucd", STRING, "UCD of the column"),
            col("indexed", INT, "1 if an index serves the column, else 0"),
            col("principal", INT, "1 if the column is of main interest, else 0"),
            col("std", INT, "1 if the column is defined by a standard, else 0"),
            col("column_index", INT, "Recommended sort order of columns"));
    static final List<TapColumn> KEYS = List.of(
            col("key_id", STRING, "Unique key identifier"),
            col("from_table", STRING, "Fully qualified table name"),
            col("target_table", STRING, "Fully qualified table name"),
            col("description", STRING, "Description of this key"),
            col("utype", STRING, "Utype of this key"));
    static final List<TapColumn> KEY_COLUMNS = List.of(
            col("key_id", STRING, "Key identifier from TAP_SCHEMA.keys"),
            col("from_column", STRING, "Key column name in the from_table"),
            col("target_column", STRING, "Key column name in the target_table"));

    /** TAP_SCHEMA's own foreign keys: key_id, from_table, target_table, from_column, target_column. */
    private static final List<String[]> FOREIGN_KEYS = List.of(
            new String[]{"tables_schema", "TAP_SCHEMA.tables", "TAP_SCHEMA.schemas", "schema_name", "schema_name"},
            new String[]{"columns_table", "TAP_SCHEMA.columns", "TAP_SCHEMA.tables", "table_name", "table_name"},
            new String[]{"keys_from_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "from_table", "table_name"},
            new String[]{"keys_target_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "target_table", "table_name"},
            new String[]{"key_columns_key", "TAP_SCHEMA.key_columns", "TAP_SCHEMA.keys", "key_id", "key_id"});

    /** The five TAP_SCHEMA tables describing {@code data} and themselves. */
    static List<TapTable> tables(List<TapTable> data) {
        // the descriptions first, without sources, to list every published table (TAP_SCHEMA's included)
        List<TapTable> described = new ArrayList<>(data);
        described.add(describe("schemas", "The schemas of this service", SCHEMAS));
        described.add(describe("tables", "The tables of this service", TABLES));
        described.add(describe("columns", "The columns of the tables of this service", COLUMNS));
        described.add(describe("keys", "Foreign keys between the tables of this service", KEYS));
        described.add(describe("key_columns", "The columns of the foreign keys", KEY_COLUMNS));

        Set<String> schemas = new LinkedHashSet<>();
        described.forEach(t -> schemas.add(t.schema()));
        List<Object[]> schemaRows = new ArrayList<>();
        int index = 0;
        for (String schema : schemas) {
            schemaRows.add(new Object[]{schema, null, schemaDescription(schema), index++});
        }
        List<Object[]> tableRows = new ArrayList<>();
        List<Object[]> columnRows = new ArrayList<>();
        for (int t = 0; t < described.size(); t++) {
            TapTable table = described.get(t);
            tableRows.add(new Object[]{table.schema(), table.qualifiedName(), "table", table.utype(), table.description(), t});
            for (int c = 0; c < table.columns().size(); c++) {
                TapColumn column = table.columns().get(c);
                TapType type = column.type();
                columnRows.add(new Object[]{table.qualifiedName(), column.adqlName(), type.votableDatatype(),
                        type.arraysize(), type.xtype(), null, column.description(), column.utype(), column.unit(), column.ucd(),
                        flag(column.indexed()), flag(column.principal()), flag(column.std()), c});
            }
        }
        List<Object[]> keyRows = FOREIGN_KEYS.stream().map(k -> new Object[]{k[0], k[1], k[2], null, null}).toList();
        List<Object[]> keyColumnRows = FOREIGN_KEYS.stream().map(k -> new Object[]{k[0], k[3], k[4]}).toList();

        return List.of(
                withRows(described.get(data.size()), schemaRows),
                withRows(described.get(data.size() + 1), tableRows),
                withRows(described.get(data.size() + 2), columnRows),
                withRows(described.get(data.size() + 3), keyRows),
                withRows(described.get(data.size() + 4), keyColumnRows));
    }

    private static String schemaDescription(String schema) {
        return switch (schema) {
            case PublishedTables.TAP_SCHEMA -> "Metadata of the tables of this service (TAP 1.1)";
            case "ivoa" -> "IVOA data models: ObsCore 1.1";
            case "medoc" -> "EPN-TAP 2.0 table of the solar archive";
            default -> null;
        };
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static TapTable describe(String name, String description, List<TapColumn> columns) {
        return new TapTable(PublishedTables.TAP_SCHEMA, name, null, description, columns, SqlFragment.of(""));
    }

    /** The table read from a VALUES list, every value a typed bind parameter. */
    private static TapTable withRows(TapTable table, List<Object[]> rows) {
        SqlFragment.Builder sql = new SqlFragment.Builder().append("SELECT * FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                sql.append(c == 0 ? "" : ", ").bind(row[c], table.columns().get(c).type());
            }
            sql.append(")");
        }
        sql.append(") AS v(").append(String.join(", ", table.columns().stream().map(c -> AdqlTranslator.quote(c.name())).toList()))
                .append(")");
        return new TapTable(table.schema(), table.name(), table.utype(), table.description(), table.columns(), sql.build());
    }

    /** TAP_SCHEMA's foreign keys leaving that table: key_id, from_table, target_table, from_column, target_column. */
    static List<String[]> foreignKeysFrom(String qualifiedTable) {
        return FOREIGN_KEYS.stream().filter(k -> k[1].equalsIgnoreCase(qualifiedTable)).toList();
    }
}
