package org.medoc.archive.vo;

import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Runs ADQL queries of the TAP service: translates them over the published tables and opens a streamed result.
 * Every query runs in a read-only transaction with PostgreSQL's statement timeout, read through a cursor (constant
 * memory whatever the result's size), and stops at the row limit: MAXREC (default and hard limit from
 * {@link VoSettings}) or the query's TOP.
 */
@Service
public class TapQueryService {

    /** DALI timestamps: ISO 8601 in UTC, without a zone suffix. */
    static final DateTimeFormatter DALI_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final PublishedTables publishedTables;
    private final VoSettings settings;

    public TapQueryService(DataSource dataSource, PublishedTables publishedTables, VoSettings settings) {
        this.dataSource = dataSource;
        this.publishedTables = publishedTables;
        this.settings = settings;
    }

    public VoSettings settings() {
        return settings;
    }

    /** The published tables, with access URLs below {@code baseUrl}. */
    public List<TapTable> tables(String baseUrl) {
        return publishedTables.tables(baseUrl);
    }

    /** The row limit for a request's MAXREC parameter (null: the default), never above the hard limit. */
    public long maxrec(Long requested) {
        if (requested == null) {
            return settings.maxrecDefault();
        }
        if (requested < 0) {
            throw new AdqlException("MAXREC cannot be negative");
        }
        return Math.min(requested, settings.maxrecLimit());
    }

    /** Translates without running: the checks and the statement, for tests and error reporting. */
    public TranslatedQuery translate(String adql, String baseUrl) {
        return new AdqlTranslator(tables(baseUrl)).translate(adql);
    }

    /**
     * Translates and starts the query; the caller streams the rows and closes the result (which ends the
     * transaction). A query PostgreSQL refuses (a value of the wrong form, the timeout) raises {@link AdqlException}.
     */
    public QueryResult open(String adql, long maxrec, String baseUrl) {
        return open(adql, maxrec, baseUrl, settings.statementTimeout());
    }

    /** As {@link #open(String, long, String)} with a shorter time limit (an async job's execution duration). */
    QueryResult open(String adql, long maxrec, String baseUrl, java.time.Duration timeout) {
        java.time.Duration timeLimit = timeout.isZero() || timeout.isNegative() || timeout.compareTo(settings.statementTimeout()) > 0
                ? settings.statementTimeout() : timeout;
        TranslatedQuery query = translate(adql, baseUrl);
        long limit = query.top() == null ? maxrec + 1 : Math.min(query.top(), maxrec + 1);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement setting = connection.createStatement()) {
                setting.execute("SET LOCAL statement_timeout = " + timeLimit.toMillis());
                // plan every query for its actual values: a generic plan for "a time range" cannot know whether the
                // range is a day or ten years, and picks a scan that is wrong for one of them
                setting.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            PreparedStatement statement = connection.prepareStatement(query.sql().sql() + " LIMIT ?",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            List<Object> binds = query.sql().binds();
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            statement.setLong(binds.size() + 1, limit);
            ResultSet rows = statement.executeQuery();
            return new QueryResult(connection, statement, rows, query.columns(), maxrec);
        } catch (SQLException e) {
            close(connection);
            throw failure(e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    static AdqlException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if ("57014".equals(state)) {
            return new AdqlException("the query took longer than the service's time limit: narrow it (time range, "
                    + "instrument) or use TOP", e);
        }
        if (state.startsWith("22") || state.startsWith("42")) {
            // data exceptions (a date that is not a date, division by zero) and type errors PostgreSQL found
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            return new AdqlException("the query cannot be run: " + (newline > 0 ? message.substring(0, newline) : message), e);
        }
        return new AdqlException("the query failed in the database (" + state + ")", e);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // the connection is returned to the pool or discarded by it
            }
        }
    }

    /** A running query's rows, read one at a time. */
    public static final class QueryResult implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final List<TapColumn> columns;
        private final long maxrec;
        private long read;
        private boolean overflow;

        QueryResult(Connection connection, PreparedStatement statement, ResultSet rows, List<TapColumn> columns, long maxrec) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.columns = columns;
            this.maxrec = maxrec;
        }

        public List<TapColumn> columns() {
            return columns;
        }

        /** Moves to the next row; false at the end or at MAXREC (then {@link #overflow()} tells a row was left). */
        public boolean next() {
            try {
                if (!rows.next()) {
                    return false;
                }
                if (read >= maxrec) {
                    overflow = true;
                    return false;
                }
                read++;
                return true;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        /** The current row's values: String, Integer, Long, Float, Double or Boolean; timestamps as DALI text. */
        public Object[] row() {
            try {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(i + 1, columns.get(i).type());
                }
                return values;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        private Object value(int index, TapType type) throws SQLException {
            Object value = switch (type) {
                case SHORT -> rows.getShort(index);
                case INT -> rows.getInt(index);
                case LONG -> rows.getLong(index);
                case FLOAT -> rows.getFloat(index);
                case DOUBLE -> rows.getDouble(index);
                case BOOLEAN -> rows.getBoolean(index);
                case STRING -> rows.getString(index);
                case TIMESTAMP -> {
                    OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
                    yield time == null ? null : DALI_TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC));
                }
            };
            return rows.wasNull() ? null : value;
        }

        public long rowsRead() {
            return read;
        }

        /** True when the result was cut at MAXREC with rows left over (TAP's OVERFLOW status). */
        public boolean overflow() {
            return overflow;
        }

        @Override
        public void close() {
            try {
                rows.close();
                statement.close();
            } catch (SQLException ignored) {
                // closing the connection below releases them too
            }
            TapQueryService.close(connection);
        }
    }
}
