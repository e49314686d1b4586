package org.medoc.archive.vo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One published table: its TAP_SCHEMA description and the SQL relation it is read from ({@link SqlFragment} whose
 * select list names every column of {@link #columns()}).
 *
 * @param schema      the ADQL schema name
 * @param name        the unqualified ADQL table name
 * @param utype       the data model's table utype, or null
 * @param description one sentence for users
 * @param columns     the published columns, in their default order
 * @param source      the relation (a complete SELECT) the rows come from
 */
public record TapTable(String schema, String name, String utype, String description, List<TapColumn> columns,
                       SqlFragment source) {

    public TapTable {
        columns = List.copyOf(columns);
    }

    /** The qualified name, e.g. {@code ivoa.obscore}, as TAP_SCHEMA lists it. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** The column of that name, compared case-insensitively as ADQL identifiers are. */
    public Optional<TapColumn> column(String columnName) {
        String wanted = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
