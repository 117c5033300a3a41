package org.tongxin.shared.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backup archive (a zip): every table of the application's schema as PostgreSQL COPY text, all read in
 * one repeatable-read snapshot so the tables agree with each other, the position of every sequence, the files
 * directory, and a {@link BackupManifest}. Works against any PostgreSQL the application runs on, embedded or not,
 * with no client tools installed. The archive is written next to its final name and moved there when complete.
 * Personal fields stay encrypted as they are in the database: the key is never part of a backup.
 */
public final class Backup {

    static final String HISTORY = "flyway_schema_history";
    static final String FILES = "files/";
    private static final Logger log = LoggerFactory.getLogger(Backup.class);

    private Backup() {
    }

    public static BackupManifest write(DataSource dataSource, Path filesDir, Path archive, String appVersion) {
        long started = System.nanoTime();
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        try {
            if (archive.toAbsolutePath().getParent() != null) {
                Files.createDirectories(archive.toAbsolutePath().getParent());
            }
            BackupManifest manifest;
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                List<BackupManifest.Table> tables = new ArrayList<>();
                List<BackupManifest.Sequence> sequences;
                String schemaVersion;
                Instant taken = Instant.now();
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setReadOnly(true);
                    try {
                        schemaVersion = schemaVersion(c);
                        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                        for (String table : tables(c)) {
                            List<String> columns = columns(c, table);
                            zip.putNextEntry(new ZipEntry("db/" + table + ".copy"));
                            MessageDigest digest = sha256();
                            long rows = copy.copyOut("COPY " + quote(table) + " (" + quoted(columns) + ") TO STDOUT",
                                    new DigestOutputStream(unclosable(zip), digest));
                            zip.closeEntry();
                            tables.add(new BackupManifest.Table(table, columns, rows, hex(digest)));
                        }
                        sequences = sequences(c);
                    } finally {
                        c.rollback();
                    }
                }
                List<BackupManifest.FileEntry> files = filesDir == null ? List.of() : copyFiles(filesDir, zip);
                manifest = new BackupManifest(appVersion, schemaVersion, taken, List.copyOf(tables), sequences, files);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                manifest.write(unclosable(zip));
                zip.closeEntry();
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backed up {} rows in {} tables and {} files ({} bytes) in {} ms: {} bytes",
                    manifest.rowCount(), manifest.tables().size(), manifest.files().size(), manifest.fileBytes(),
                    (System.nanoTime() - started) / 1_000_000, Files.size(archive));
            return manifest;
        } catch (IOException | SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("backup failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** The last applied Flyway version; the first query of the snapshot. */
    static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('" + HISTORY + "') IS NOT NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    throw new BackupException("no " + HISTORY + " in the database's schema: not a Tongxin database");
                }
            }
            try (ResultSet r = s.executeQuery("SELECT version FROM " + HISTORY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                if (!r.next()) {
                    throw new BackupException("the database has no applied migration: nothing to back up");
                }
                return r.getString(1);
            }
        }
    }

    /** The application's tables: every ordinary table of the current schema but Flyway's history, by name. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                        + "AND c.relkind = 'r' AND c.relname <> '" + HISTORY + "' ORDER BY c.relname")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    /** Columns a COPY can write: generated ones are computed again on the way in. */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                        + "WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ? "
                        + "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT sequencename, last_value, start_value FROM pg_sequences "
                        + "WHERE schemaname = current_schema() ORDER BY sequencename")) {
            while (r.next()) {
                String name = r.getString(1);
                long last = r.getLong(2);
                Long lastValue = r.wasNull() ? null : last;
                sequences.add(new BackupManifest.Sequence(name, lastValue, r.getLong(3)));
            }
        }
        return List.copyOf(sequences);
    }

    private static List<BackupManifest.FileEntry> copyFiles(Path filesDir, ZipOutputStream zip) throws IOException {
        if (!Files.isDirectory(filesDir)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(filesDir)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<BackupManifest.FileEntry> files = new ArrayList<>();
        for (Path path : paths) {
            String relative = filesDir.relativize(path).toString().replace('\\', '/');
            InputStream in;
            try {
                in = Files.newInputStream(path);
            } catch (NoSuchFileException gone) {
                // Deleted since the walk (a replaced photo, an expired replay): its row is gone from later snapshots too.
                continue;
            }
            MessageDigest digest = sha256();
            long size;
            try (in) {
                zip.putNextEntry(new ZipEntry(FILES + relative));
                size = in.transferTo(new DigestOutputStream(unclosable(zip), digest));
            }
            zip.closeEntry();
            files.add(new BackupManifest.FileEntry(relative, size, hex(digest)));
        }
        return List.copyOf(files);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoted(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(Backup::quote).toList());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The zip stream outlives each entry: whoever writes an entry must not close it. */
    static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Cleaning up after a failure must not hide the failure: a file left behind is only logged. */
    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
