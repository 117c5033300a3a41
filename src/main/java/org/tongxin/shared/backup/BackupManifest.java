package org.tongxin.shared.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a backup archive holds, written into it as {@code manifest.properties}: the versions it came from, each
 * table with its columns, row count and the SHA-256 of its COPY text, each sequence's position, each file's size
 * and SHA-256. A restore checks the archive against it before touching the database, and the database against it
 * before committing.
 */
public record BackupManifest(String appVersion, String schemaVersion, Instant createdAt, List<Table> tables,
                             List<Sequence> sequences, List<FileEntry> files) {

    static final String FORMAT = "tongxin-backup/1";
    static final String ENTRY = "manifest.properties";

    /** A table's rows as PostgreSQL's COPY text, in the archive at {@link #entry()}. */
    public record Table(String name, List<String> columns, long rows, String sha256) {

        String entry() {
            return "db/" + name + ".copy";
        }
    }

    /** A sequence's position: {@code lastValue} null when it was never used. */
    public record Sequence(String name, Long lastValue, long startValue) {
    }

    /** A file under the files directory, by its path relative to it (with '/'), in the archive under "files/". */
    public record FileEntry(String path, long size, String sha256) {

        String entry() {
            return Backup.FILES + path;
        }
    }

    public long rowCount() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public long fileBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("app.version", appVersion);
        p.setProperty("schema.version", schemaVersion);
        p.setProperty("created", createdAt.toString());
        p.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
        for (Table t : tables) {
            p.setProperty("table." + t.name() + ".columns", String.join(",", t.columns()));
            p.setProperty("table." + t.name() + ".rows", Long.toString(t.rows()));
            p.setProperty("table." + t.name() + ".sha256", t.sha256());
        }
        p.setProperty("sequences", String.join(",", sequences.stream().map(Sequence::name).toList()));
        for (Sequence s : sequences) {
            p.setProperty("sequence." + s.name() + ".last", s.lastValue() == null ? "" : s.lastValue().toString());
            p.setProperty("sequence." + s.name() + ".start", Long.toString(s.startValue()));
        }
        p.setProperty("files", Integer.toString(files.size()));
        for (int i = 0; i < files.size(); i++) {
            FileEntry f = files.get(i);
            p.setProperty("file." + i + ".path", f.path());
            p.setProperty("file." + i + ".size", Long.toString(f.size()));
            p.setProperty("file." + i + ".sha256", f.sha256());
        }
        p.store(out, "Tongxin backup");
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new BackupException("not a Tongxin backup (format " + p.getProperty("format") + ")");
        }
        try {
            List<Table> tables = new ArrayList<>();
            for (String name : names(p.getProperty("tables"))) {
                tables.add(new Table(name, names(required(p, "table." + name + ".columns")),
                        Long.parseLong(required(p, "table." + name + ".rows")),
                        required(p, "table." + name + ".sha256")));
            }
            List<Sequence> sequences = new ArrayList<>();
            for (String name : names(p.getProperty("sequences"))) {
                String last = required(p, "sequence." + name + ".last");
                sequences.add(new Sequence(name, last.isEmpty() ? null : Long.valueOf(last),
                        Long.parseLong(required(p, "sequence." + name + ".start"))));
            }
            List<FileEntry> files = new ArrayList<>();
            int count = Integer.parseInt(required(p, "files"));
            for (int i = 0; i < count; i++) {
                files.add(new FileEntry(required(p, "file." + i + ".path"),
                        Long.parseLong(required(p, "file." + i + ".size")), required(p, "file." + i + ".sha256")));
            }
            return new BackupManifest(required(p, "app.version"), required(p, "schema.version"),
                    Instant.parse(required(p, "created")), List.copyOf(tables), List.copyOf(sequences),
                    List.copyOf(files));
        } catch (RuntimeException e) {
            if (e instanceof BackupException) {
                throw e;
            }
            throw new BackupException("the backup's manifest is damaged: " + e.getMessage());
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new BackupException("the backup's manifest is damaged: " + key + " is missing");
        }
        return value;
    }

    private static List<String> names(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
