package org.medoc.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @Test
    void withoutADatasourceUrlARealPostgresqlRunsUnderTheDataDirectory(@TempDir Path dataDir) {
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
            assertThat(Files.exists(dataDir.resolve("pg/PG_VERSION"))).isTrue();
        });
    }

    @Test
    void theNextStartReusesTheData(@TempDir Path dataDir) {
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE kept (note text)");
            jdbc.update("INSERT INTO kept VALUES ('still here')");
        });
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT note FROM kept", String.class)).isEqualTo("still here");
        });
    }

    @Test
    void aConfiguredDatasourceUrlSwitchesTheEmbeddedDatabaseOff() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/medoc")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class).doesNotHaveBean(DataSource.class));
    }
}
