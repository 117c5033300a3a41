package org.tongxin.shared.backup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.tongxin.shared.db.EmbeddedDatabaseConfig;

/**
 * The application jar's command mode: {@code --tongxin.backup.to=FILE}, {@code --tongxin.restore.from=FILE} or
 * {@code --tongxin.backup.check=FILE} does that one thing and exits with status 0, or 1 and the reason in the log.
 * It reads the same configuration as the application (the database, embedded or {@code spring.datasource.url}, and
 * {@code tongxin.files.dir}) but starts only the database: no web server, no migrations, no demo, no jobs.
 */
public final class BackupCommand {

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);
    private static final String TO = "--tongxin.backup.to=";
    private static final String FROM = "--tongxin.restore.from=";
    private static final String CHECK = "--tongxin.backup.check=";

    private BackupCommand() {
    }

    public static boolean requested(String... args) {
        return Stream.of(args).anyMatch(a -> a.startsWith(TO) || a.startsWith(FROM) || a.startsWith(CHECK));
    }

    /** Runs the requested command; the exit status. */
    public static int run(String... args) {
        try {
            Optional<String> check = value(args, CHECK);
            if (check.isPresent()) {
                BackupManifest m = Restore.check(Path.of(check.get()));
                log.info("Backup {} is whole: Tongxin {}, schema version {}, taken {}, {} rows in {} tables, "
                                + "{} files ({} bytes)", check.get(), m.appVersion(), m.schemaVersion(), m.createdAt(),
                        m.rowCount(), m.tables().size(), m.files().size(), m.fileBytes());
                return 0;
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
                DataSource dataSource = context.getBean(DataSource.class);
                Environment env = context.getEnvironment();
                String files = env.getProperty("tongxin.files.dir", "");
                Path filesDir = files.isBlank() ? null : Path.of(files).toAbsolutePath().normalize();
                Optional<String> to = value(args, TO);
                if (to.isPresent()) {
                    BackupManifest m = Backup.write(dataSource, filesDir, Path.of(to.get()), appVersion());
                    log.info("Backup of schema version {} written to {}", m.schemaVersion(),
                            Path.of(to.get()).toAbsolutePath());
                } else {
                    String from = value(args, FROM).orElseThrow();
                    Restore.into(dataSource, filesDir, Path.of(from),
                            env.getProperty("spring.flyway.locations", String[].class,
                                    new String[] {"classpath:db/migration"}));
                }
                return 0;
            }
        } catch (BackupException e) {
            log.error("{}", e.getMessage());
            return 1;
        }
    }

    /** The version in the jar's manifest; "dev" when run from classes (an IDE, the tests). */
    public static String appVersion() {
        String version = BackupCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static Optional<String> value(String[] args, String prefix) {
        return Stream.of(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    /** The application's database and nothing else; not a component, so the application never scans it in. */
    @Import(EmbeddedDatabaseConfig.class)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static final class DatabaseOnly {
    }
}
