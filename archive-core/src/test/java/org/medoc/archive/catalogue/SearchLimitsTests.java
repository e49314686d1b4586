package org.medoc.archive.catalogue;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one catalogue search may cost. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class SearchLimitsTests {

    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate transactions;

    private final SearchLimits limits = new SearchLimits(10_000, 5, Duration.ofMillis(200));

    @Test
    void theStatementTimeoutCancelsASlowStatementInsideTheSearchTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            limits.applyStatementTimeout(dsl);
            dsl.fetch("SELECT pg_sleep(3)");
        })).satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"));
    }

    @Test
    void theTimeoutEndsWithTheTransactionSoPooledConnectionsKeepTheirDefault() {
        transactions.executeWithoutResult(status -> limits.applyStatementTimeout(dsl));
        String after = transactions.execute(status -> String.valueOf(dsl.fetchValue("SHOW statement_timeout")));
        assertThat(after).isEqualTo("0");
    }

    @Test
    void offsetPagingStopsAtTheConfiguredDepthButACursorGoesOn() {
        ObservationQuery deep = ObservationQuery.all(100).withPage(101);
        assertThatThrownBy(() -> limits.check(deep)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("nextCursor");
        limits.check(ObservationQuery.all(100).withPage(100));
        ObservationQuery byCursor = new ObservationQuery(null, null, null, null, null, null, null, null, null, List.of(),
                null, 101, 100, "anything");
        limits.check(byCursor);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
