package org.tongxin.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database a run uses: {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code _PASSWORD}) when set, which must be an empty database, otherwise a fresh embedded PostgreSQL under
 * {@code bench/work/pg} with the durability of the app's own embedded database (fsync and synchronous commit
 * on), so the figures are those of a real installation and not of zonky's test defaults. The embedded
 * server logs checkpoints and, unless the scenario declines, every statement with its duration, so a run can show
 * where database time went.
 */
final class Database implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final Path savedLog;

    private Database(String url, String user, String password, EmbeddedPostgres embedded, Path dataDir, Path savedLog) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.savedLog = savedLog;
    }

    static Database start(Path work, boolean logEveryStatement) throws IOException {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
            return new Database(external, user, System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""),
                    null, null, null);
        }
        Path dataDir = work.resolve("pg");
        Files.deleteIfExists(work.resolve("postgres.log"));
        Bench.deleteTree(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql.log")
                // zonky hands the settings to pg_ctl, which passes them through a shell: no spaces or | here
                .setServerConfig("log_line_prefix", "%m:%p:")
                .setServerConfig("log_timezone", "UTC")
                // The importer binds whole key lists as parameters; logging them in full would bill the log to the import.
                .setServerConfig("log_parameter_max_length", "64")
                .setServerConfig("log_checkpoints", "on")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        Database db = new Database(url, "postgres", "", pg, dataDir, work.resolve("postgres.log"));
        // every statement with its duration: an import runs a handful, and their times mark its phases (a scenario
        // may decline, see Scenario.logEveryStatement). Set in postgresql.auto.conf rather than on the server's
        // command line, which no later setting could override: a scenario may quieten the log for a phase of
        // millions of statements (ALTER SYSTEM and a reload) and turn it on again.
        try {
            db.logStatements(logEveryStatement ? "0" : "-1");
        } catch (SQLException e) {
            throw new IOException("cannot set the statement log", e);
        }
        return db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Logs statements running at least {@code minDurationMs} milliseconds ("0" every statement, "-1" none) from the
     * next command of every session on, the app's included; waits until a new session sees the setting.
     */
    void logStatements(String minDurationMs) throws SQLException {
        alterSystem(Map.of("log_min_duration_statement", minDurationMs));
    }

    /**
     * Server settings for every session from its next command on ({@code ALTER SYSTEM} and a reload, so they must
     * not be on the server's command line); waits, at most 10 s, until a new session sees them.
     */
    void alterSystem(Map<String, String> settings) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : settings.entrySet()) {
                s.execute("ALTER SYSTEM SET " + e.getKey() + " = '" + e.getValue().replace("'", "''") + "'");
            }
            s.execute("SELECT pg_reload_conf()");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean seen = true;
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    try (ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + e.getKey()
                            + "'")) {
                        seen &= rs.next() && rs.getString(1).equals(e.getValue());
                    }
                }
            }
            if (seen) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            Thread.sleep(200); // the app's open sessions take the signal when they next look for a command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings that decide what a commit costs, as the server reports them. */
    Map<String, String> durability() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "shared_buffers", "wal_buffers", "max_wal_size", "log_min_duration_statement")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    /** The server log of the embedded database, null for an external one. */
    Path log() {
        return dataDir == null ? null : dataDir.resolve("log").resolve("postgresql.log");
    }

    /** The embedded server's postmaster process, from its pid file; null for an external database. */
    Long postmasterPid() {
        if (dataDir == null) {
            return null;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps the server log (the data directory goes with the server) and stops the embedded server. */
    @Override
    public void close() throws IOException {
        if (embedded == null) {
            return;
        }
        if (Files.exists(log())) {
            Files.copy(log(), savedLog, StandardCopyOption.REPLACE_EXISTING);
        }
        embedded.close();
    }
}
