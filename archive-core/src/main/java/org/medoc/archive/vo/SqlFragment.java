package org.medoc.archive.vo;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of PostgreSQL with {@code ?} placeholders and their values in order. The text is written by medoc only
 * (published names and fixed templates); every value that comes from a query is a bind value.
 */
public record SqlFragment(String sql, List<Object> binds) {

    public SqlFragment {
        // values may be null (a column without a unit in TAP_SCHEMA), which List.copyOf refuses
        binds = java.util.Collections.unmodifiableList(new ArrayList<>(binds));
    }

    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** Builds a fragment piece by piece, keeping text and values in step. */
    static final class Builder {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> binds = new ArrayList<>();

        Builder append(String text) {
            sql.append(text);
            return this;
        }

        Builder append(SqlFragment fragment) {
            sql.append(fragment.sql());
            binds.addAll(fragment.binds());
            return this;
        }

        /** A bind value, cast so that PostgreSQL knows its type whatever the other operand. */
        Builder bind(Object value, TapType type) {
            sql.append("CAST(? AS ").append(type.postgresType()).append(')');
            binds.add(value);
            return this;
        }

        SqlFragment build() {
            return new SqlFragment(sql.toString(), binds);
        }
    }
}
