package org.medoc.archive.vo;

import java.util.List;

/**
 * An ADQL query translated to PostgreSQL: the statement without its row limit, the result's columns as the
 * VOTable will describe them, and the query's own TOP (null when it has none).
 */
public record TranslatedQuery(SqlFragment sql, List<TapColumn> columns, Long top) {

    public TranslatedQuery {
        columns = List.copyOf(columns);
    }
}
