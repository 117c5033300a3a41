package org.tongxin.shared.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a {@link Backup} archive into an empty database and an empty (or absent) files directory, all or
 * nothing. The archive is checked against its manifest before anything is touched; the schema is created by the
 * application's own Flyway migrations up to the backup's version (later ones run at the next start, as after any
 * upgrade); then, in one transaction, the tables are emptied of what migrations seeded, loaded by COPY with user
 * triggers off (they would renumber, recount or refuse what is only being put back) and foreign keys dropped and
 * added again after the load (two tables refer to each other, so no load order satisfies them row by row), and
 * every sequence is set where it stood. Row counts are checked against the manifest before the commit. Files are
 * unpacked into a sibling directory first and moved into place just before the commit. On any failure the schema is
 * cleaned away again, leaving the database as empty as it was found.
 */
public final class Restore {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);

    private Restore() {
    }

    /** Checks an archive's every entry against its manifest, without a database. */
    public static BackupManifest check(Path archive) {
        try (ZipFile zip = open(archive)) {
            BackupManifest manifest = manifest(zip);
            for (BackupManifest.Table t : manifest.tables()) {
                verify(zip, t.entry(), t.sha256());
            }
            for (BackupManifest.FileEntry f : manifest.files()) {
                verify(zip, f.entry(), f.sha256());
            }
            return manifest;
        } catch (IOException e) {
            throw new BackupException("cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    public static BackupManifest into(DataSource dataSource, Path filesDir, Path archive, String... migrations) {
        long started = System.nanoTime();
        BackupManifest manifest = check(archive);
        long checked = System.nanoTime();
        refuseUnlessEmpty(dataSource, filesDir);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(migrations)
                .target(MigrationVersion.fromVersion(manifest.schemaVersion())).cleanDisabled(false).load();
        boolean known = Stream.of(flyway.info().all()).map(MigrationInfo::getVersion)
                .anyMatch(v -> v != null && v.getVersion().equals(manifest.schemaVersion()));
        if (!known) {
            throw new BackupException("the backup is of schema version " + manifest.schemaVersion()
                    + ", which this application does not have: restore it with the release that made it, or newer");
        }
        Path staged = filesDir == null ? null : filesDir.resolveSibling(filesDir.getFileName() + ".restoring");
        try (ZipFile zip = open(archive)) {
            if (staged != null) {
                unpackFiles(zip, manifest, staged);
            }
            long unpacked = System.nanoTime();
            flyway.migrate();
            long migrated = System.nanoTime();
            load(dataSource, zip, manifest, staged, filesDir);
            log.info("Restored {} rows in {} tables and {} files (schema version {}, backed up {}): checked in {} ms, "
                            + "files unpacked in {} ms, schema migrated in {} ms, rows loaded in {} ms",
                    manifest.rowCount(), manifest.tables().size(), manifest.files().size(), manifest.schemaVersion(),
                    manifest.createdAt(), millis(started, checked), millis(checked, unpacked),
                    millis(unpacked, migrated), millis(migrated, System.nanoTime()));
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                flyway.clean();
            } catch (RuntimeException cleaning) {
                e.addSuppressed(cleaning);
            }
            if (staged != null) {
                deleteTree(staged);
            }
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("restore failed, the database is left empty: " + e.getMessage(), e);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void refuseUnlessEmpty(DataSource dataSource, Path filesDir) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_schema(), count(c.oid) FROM pg_class c "
                     + "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')")) {
            r.next();
            if (r.getLong(2) > 0) {
                throw new BackupException("the database is not empty (" + r.getLong(2) + " tables or views in schema "
                        + r.getString(1) + "): a backup is restored only into a fresh, empty database");
            }
        } catch (SQLException e) {
            throw new BackupException("cannot reach the database: " + e.getMessage(), e);
        }
        if (filesDir != null && Files.isDirectory(filesDir)) {
            try (Stream<Path> entries = Files.list(filesDir)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupException("the files directory " + filesDir.toAbsolutePath()
                            + " is not empty: a backup is restored only into an empty one");
                }
            } catch (IOException e) {
                throw new BackupException("cannot read " + filesDir + ": " + e.getMessage(), e);
            }
        }
    }

    private static void load(DataSource dataSource, ZipFile zip, BackupManifest manifest, Path staged, Path filesDir)
            throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                Set<String> present = new HashSet<>(Backup.tables(c));
                for (BackupManifest.Table t : manifest.tables()) {
                    if (!present.contains(t.name())) {
                        throw new BackupException("table " + t.name() + " of the backup is not in schema version "
                                + manifest.schemaVersion() + " here");
                    }
                }
                List<ForeignKey> foreignKeys = foreignKeys(c);
                for (ForeignKey fk : foreignKeys) {
                    s.execute("ALTER TABLE " + Backup.quote(fk.table()) + " DROP CONSTRAINT " + Backup.quote(fk.name()));
                }
                List<String> tables = present.stream().sorted().map(Backup::quote).toList();
                for (String t : tables) {
                    s.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
                }
                if (!tables.isEmpty()) {
                    s.execute("TRUNCATE " + String.join(", ", tables));
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (BackupManifest.Table t : manifest.tables()) {
                    long rows;
                    try (InputStream in = zip.getInputStream(zip.getEntry(t.entry()))) {
                        rows = copy.copyIn("COPY " + Backup.quote(t.name()) + " (" + Backup.quoted(t.columns())
                                + ") FROM STDIN", in);
                    }
                    if (rows != t.rows()) {
                        throw new BackupException("table " + t.name() + ": " + rows + " rows loaded, the manifest says "
                                + t.rows());
                    }
                }
                // Every trigger of the schema is enabled by its migration: none is meant to stay off.
                for (String t : tables) {
                    s.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
                }
                for (ForeignKey fk : foreignKeys) {
                    s.execute("ALTER TABLE " + Backup.quote(fk.table()) + " ADD CONSTRAINT " + Backup.quote(fk.name())
                            + " " + fk.definition());
                }
                setSequences(c, manifest);
                for (BackupManifest.Table t : manifest.tables()) {
                    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + Backup.quote(t.name()))) {
                        r.next();
                        if (r.getLong(1) != t.rows()) {
                            throw new BackupException("table " + t.name() + " holds " + r.getLong(1)
                                    + " rows after the load, the manifest says " + t.rows());
                        }
                    }
                }
            }
            boolean moved = false;
            try {
                if (staged != null) {
                    if (Files.isDirectory(filesDir)) {
                        Files.delete(filesDir);
                    }
                    Files.createDirectories(filesDir.toAbsolutePath().getParent());
                    Files.move(staged, filesDir, StandardCopyOption.ATOMIC_MOVE);
                    moved = true;
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                if (moved) {
                    deleteTree(filesDir);
                }
                throw e;
            }
        }
    }

    private record ForeignKey(String table, String name, String definition) {
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT t.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
                        + "JOIN pg_class t ON t.oid = k.conrelid WHERE k.contype = 'f' "
                        + "AND t.relnamespace = current_schema()::regnamespace ORDER BY t.relname, k.conname")) {
            while (r.next()) {
                keys.add(new ForeignKey(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return keys;
    }

    private static void setSequences(Connection c, BackupManifest manifest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setval(to_regclass(quote_ident(?)), ?, ?)")) {
            for (BackupManifest.Sequence q : manifest.sequences()) {
                s.setString(1, q.name());
                s.setLong(2, q.lastValue() == null ? q.startValue() : q.lastValue());
                s.setBoolean(3, q.lastValue() != null);
                s.executeQuery().close();
            }
        }
    }

    private static void unpackFiles(ZipFile zip, BackupManifest manifest, Path staged) throws IOException {
        deleteTree(staged);
        Files.createDirectories(staged);
        Path root = staged.toAbsolutePath().normalize();
        for (BackupManifest.FileEntry f : manifest.files()) {
            Path target = root.resolve(f.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new BackupException("the backup names a file outside the files directory: " + f.path());
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(zip.getEntry(f.entry()))) {
                Files.copy(in, target);
            }
        }
    }

    private static ZipFile open(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("no backup file at " + archive.toAbsolutePath());
        }
        try {
            return new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new BackupException("the backup " + archive + " is damaged or not a backup (" + e.getMessage() + ")",
                    e);
        }
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new BackupException("the backup has no " + BackupManifest.ENTRY + ": damaged or not a backup");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupManifest.read(in);
        }
    }

    private static void verify(ZipFile zip, String name, String sha256) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BackupException("the backup is damaged: " + name + " is missing");
        }
        MessageDigest digest = Backup.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BackupException("the backup is damaged: " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (!Backup.hex(digest).equals(sha256)) {
            throw new BackupException("the backup is damaged: " + name + " does not match its checksum");
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Backup::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
