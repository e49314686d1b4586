package org.medoc.archive.catalogue;

import org.jooq.DSLContext;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches inline their values (planned for their actual filters), and only searches: the rest of the application
 * binds its values, so that PostgreSQL reuses its plans and jOOQ does not render every value into the SQL text.
 */
@SpringBootTest(classes = ArchiveTestApplication.class)
class SearchStatementsTests {

    @Autowired DSLContext dsl;
    @Autowired CatalogueService catalogue;

    @Test
    void theApplicationsOtherQueriesKeepBindValues() {
        assertThat(catalogue).isNotNull();
        assertThat(SettingsTools.getStatementType(dsl.settings())).isEqualTo(StatementType.PREPARED_STATEMENT);
    }
}
