package org.tongxin.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The no-configuration database: durable, keeps data between runs, stops within seconds. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dir;

    @Test
    void keepsDataBetweenRunsWithDurabilityOnAndStopsQuickly() throws Exception {
        EmbeddedDatabaseConfig config = new EmbeddedDatabaseConfig();
        String dataDir = dir.resolve("pg").toString();

        EmbeddedPostgres first = config.embeddedPostgres(dataDir, 0);
        DataSource ds = config.dataSource(first, 2);
        JdbcClient jdbc = JdbcClient.create(ds);
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
        jdbc.sql("CREATE TABLE kept (v TEXT)").update();
        jdbc.sql("INSERT INTO kept VALUES ('同心')").update();
        ((AutoCloseable) ds).close();
        long started = System.nanoTime();
        first.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        EmbeddedPostgres second = config.embeddedPostgres(dataDir, 0);
        DataSource again = config.dataSource(second, 2);
        try {
            assertThat(JdbcClient.create(again).sql("SELECT v FROM kept").query(String.class).single())
                    .isEqualTo("同心");
        } finally {
            ((AutoCloseable) again).close();
            second.close();
        }
    }
}
