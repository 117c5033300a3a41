package org.tongxin.shared.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.files.FileStore;
import org.tongxin.support.IntegrationTestSupport;

/**
 * A backup of the demo database and its files, restored into a fresh PostgreSQL cluster by the code the command
 * runs, gives the same figures; a non-empty target and a damaged archive are refused and leave the target empty.
 */
class BackupRestoreTests extends IntegrationTestSupport {

    private static final String MIGRATIONS = "classpath:db/migration";
    private static EmbeddedPostgres fresh;
    private static Path archive;
    private static BackupManifest manifest;

    @TempDir
    static Path dir;

    @Autowired
    DataSource dataSource;
    @Autowired
    FileStore files;
    @Autowired
    FieldCipher cipher;

    @BeforeAll
    static void freshCluster() throws IOException {
        fresh = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopCluster() throws IOException {
        fresh.close();
    }

    @Test
    void restoresTheDemoIntoAFreshInstanceWithTheSameFiguresAndFiles() throws Exception {
        backUp();
        DataSource target = database("restored");
        Path restoredFiles = dir.resolve("restored-files");

        Restore.into(target, restoredFiles, archive, MIGRATIONS);

        JdbcClient restored = JdbcClient.create(target);
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("employee", "member", "audit_event", "event_publication", "insight_fact", "library_loan");
        List<String> movedSince = new ArrayList<>();
        for (BackupManifest.Table t : manifest.tables()) {
            assertThat(count(restored, t.name())).as(t.name()).isEqualTo(t.rows());
            if (count(jdbc, t.name()) != t.rows()) {
                movedSince.add(t.name());
            }
        }
        // The demo's live session keeps streaming into the shared database; nothing else moves during this test.
        assertThat(movedSince).allMatch(name -> name.startsWith("live_"));
        assertThat(manifest.rowCount()).isGreaterThan(10_000);
        List<String> figures = List.of(
                "SELECT string_agg(unit_id || ':' || n, ',' ORDER BY unit_id) FROM (SELECT unit_id, count(*) n "
                        + "FROM membership_period WHERE ended_on IS NULL GROUP BY unit_id) m",
                "SELECT round(100.0 * (SELECT count(*) FROM membership_period WHERE ended_on IS NULL) "
                        + "/ (SELECT count(*) FROM employee WHERE status = 'ACTIVE'), 2)::text",
                "SELECT count(*)::text FROM library_loan WHERE returned_at IS NULL",
                "SELECT count(*) || '/' || count(DISTINCT activity_id) FROM activity_registration WHERE status = 'ACTIVE'",
                "SELECT count(*) || '/' || max(id) || '/' || max(at) FROM audit_event",
                "SELECT count(*) || '/' || count(photo_key) || '/' || max(member_no) FROM member",
                "SELECT last_value::text FROM employee_id_seq",
                "SELECT last_value::text FROM library_search_seq",
                "SELECT count(*)::text FROM pg_constraint WHERE contype = 'f'",
                "SELECT count(*)::text FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'");
        for (String sql : figures) {
            String before = jdbc.sql(sql).query(String.class).optional().orElse(null);
            assertThat(before).as(sql).isNotBlank();
            assertThat(restored.sql(sql).query(String.class).optional()).as(sql).contains(before);
        }
        String sealed = "SELECT phone_enc FROM employee WHERE emp_no = '100090'";
        String phone = cipher.decrypt(jdbc.sql(sealed).query(String.class).single());
        assertThat(phone).isNotBlank().isNotEqualTo(jdbc.sql(sealed).query(String.class).single());
        assertThat(cipher.decrypt(restored.sql(sealed).query(String.class).single())).isEqualTo(phone);
        assertThat(restored.sql("SELECT nextval('audit_event_id_seq') > (SELECT max(id) FROM audit_event)")
                .query(Boolean.class).single()).isTrue();

        Map<String, String> restoredTree = tree(restoredFiles);
        assertThat(restoredTree.keySet()).containsExactlyInAnyOrderElementsOf(
                manifest.files().stream().map(BackupManifest.FileEntry::path).toList());
        Map<String, String> sourceTree = tree(files.root());
        sourceTree.keySet().removeIf(path -> path.startsWith("live/"));
        restoredTree.keySet().removeIf(path -> path.startsWith("live/"));
        assertThat(restoredTree).isNotEmpty().isEqualTo(sourceTree);
    }

    @Test
    void refusesADatabaseThatIsNotEmpty() throws IOException {
        backUp();
        DataSource target = database("occupied");
        JdbcClient.create(target).sql("CREATE TABLE kept (v TEXT)").update();

        assertThatThrownBy(() -> Restore.into(target, dir.resolve("occupied-files"), archive, MIGRATIONS))
                .isInstanceOf(BackupException.class).hasMessageContaining("not empty");
        assertThat(tables(target)).containsExactly("kept");

        Path usedFiles = Files.createDirectories(dir.resolve("used-files"));
        Files.writeString(usedFiles.resolve("old.txt"), "old");
        DataSource empty = database("empty_but_files");
        assertThatThrownBy(() -> Restore.into(empty, usedFiles, archive, MIGRATIONS))
                .isInstanceOf(BackupException.class).hasMessageContaining("files directory");
        assertThat(tables(empty)).isEmpty();
    }

    @Test
    void refusesADamagedArchiveAndLeavesTheDatabaseEmpty() throws IOException {
        backUp();
        byte[] whole = Files.readAllBytes(archive);
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));
        Path altered = rewrite("altered.zip", "db/member.copy", null);
        // The first table loaded, so that the failure comes early.
        String first = manifest.tables().getFirst().name();
        Properties wrongCount = manifestProperties();
        wrongCount.setProperty("table." + first + ".rows", Long.toString(Long.parseLong(
                wrongCount.getProperty("table." + first + ".rows")) + 1));
        Path miscounted = rewrite("miscounted.zip", BackupManifest.ENTRY, wrongCount);

        DataSource target = database("damaged");
        Path targetFiles = dir.resolve("damaged-files");
        assertThatThrownBy(() -> Restore.into(target, targetFiles, truncated, MIGRATIONS))
                .isInstanceOf(BackupException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> Restore.into(target, targetFiles, altered, MIGRATIONS))
                .isInstanceOf(BackupException.class).hasMessageContaining("db/member.copy does not match its checksum");
        assertThat(tables(target)).isEmpty();
        // A row count that disagrees is found only after the load: the migrated schema is cleaned away again.
        assertThatThrownBy(() -> Restore.into(target, targetFiles, miscounted, MIGRATIONS))
                .isInstanceOf(BackupException.class).hasMessageContaining("table " + first + ": ");
        assertThat(tables(target)).isEmpty();
        assertThat(targetFiles).doesNotExist();
        assertThat(targetFiles.resolveSibling("damaged-files.restoring")).doesNotExist();
        assertThat(Restore.check(archive).rowCount()).isEqualTo(manifest.rowCount());
    }

    /** One backup for the class, of the shared demo database with a stored photo among its files. */
    private synchronized void backUp() throws IOException {
        if (archive != null) {
            return;
        }
        String photo = files.storeImage("photos", png(), 100_000);
        archive = dir.resolve("backup.zip");
        manifest = Backup.write(dataSource, files.root(), archive, "test");
        assertThat(manifest.files()).extracting(BackupManifest.FileEntry::path).contains(photo);
    }

    private static DataSource database(String name) {
        JdbcClient.create(fresh.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        return fresh.getDatabase("postgres", name);
    }

    private static List<String> tables(DataSource ds) {
        return JdbcClient.create(ds).sql("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                + "AND relkind = 'r' ORDER BY relname").query(String.class).list();
    }

    private static long count(JdbcClient client, String table) {
        return client.sql("SELECT count(*) FROM " + Backup.quote(table)).query(Long.class).single();
    }

    /** Each file's path and the SHA-256 of its bytes. */
    private static Map<String, String> tree(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                tree.put(root.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return tree;
    }

    private static Properties manifestProperties() throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(BackupManifest.ENTRY))) {
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }

    /** The archive with one entry changed: a manifest replaced, or any other entry with a row added. */
    private static Path rewrite(String name, String entry, Properties manifest) throws IOException {
        Path copy = dir.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : zip.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    if (!e.getName().equals(entry)) {
                        in.transferTo(out);
                    } else if (manifest != null) {
                        manifest.store(out, null);
                    } else {
                        in.transferTo(out);
                        out.write("999999\t999999\tX\t2020-01-01\t\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC8102E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
