package org.tongxin.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.org.IdCardNumber;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * {@code import}: HR import of 100,000 employees from one .xlsx through the upload form into the enterprise of
 * the chosen scale, timed from the start of the POST to the result page. Correct when every row is in {@code employee} with the file's values, and when a
 * file of the same size with a few bad rows is rejected whole, naming exactly its bad rows. Baseline: PostgreSQL
 * {@code COPY} of the same rows as CSV into a table of the import columns over JDBC, on the same database.
 */
final class ImportScenario implements Scenario {

    static final int ROWS = 100_000;
    /** Disjoint from the seeded numbers and from each other, so phones (derived from the number) never clash. */
    private static final int GOOD_FIRST_NO = 1_000_001;
    private static final int BAD_FIRST_NO = 2_000_001;
    /** Numbers drawn beyond {@link #ROWS} to replace employees skipped for an ID number already held. */
    private static final int SPARE = 2_000;
    private static final int BASELINE_REPEATS = 3;
    private static final double TARGET_ROWS_PER_S = 20_000;
    private static final double TARGET_RATIO = 0.25;

    private static final Pattern REPORTED_LINE = Pattern.compile("<tr>\\s*<td[^>]*>(\\d+)</td>");
    private static final Pattern REJECTED = Pattern.compile("id=\"import-rejected\"[^>]*>\\D*(\\d+)");
    /** The columns the importer's INSERT writes, in its order. */
    private static final String WRITTEN_COLUMNS = "emp_no, name, gender, birth_date, phone_enc, phone_idx, id_card_enc, "
            + "id_card_idx, department_id, hire_date, job_title, status, row_hash";
    private static final Pattern PLAN_TIME = Pattern.compile("Execution Time: ([\\d.]+) ms");
    private static final Pattern PLAN_TRIGGER = Pattern.compile("Trigger for constraint \\S+: time=([\\d.]+)");
    private static final Pattern PLAN_WAL = Pattern.compile("WAL: records=\\d+(?: fpi=\\d+)? bytes=(\\d+)");

    @Override
    public Map<String, Object> run(Harness h) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        EnterpriseGenerator generator = new EnterpriseGenerator(Harness.SEED);
        Bench.progress("generating the " + h.scale() + " enterprise, " + ROWS + " good and " + ROWS + " bad rows");
        EnterpriseSeed seed = EnterpriseSeed.generate(generator, h.scale(), h.work());
        Set<String> takenIds = new HashSet<>(seed.idCards);
        List<HrRow> good = generate(generator, seed.units, GOOD_FIRST_NO, takenIds);
        List<HrRow> bad = generate(generator, seed.units, BAD_FIRST_NO, takenIds);
        int skipped = takenIds.size() - seed.idCards.size() - 2 * ROWS;
        Set<Integer> badLines = spoil(bad, seed.firstPhone);

        Path goodFile = h.work().resolve("import-100k.xlsx");
        Path badFile = h.work().resolve("import-100k-bad.xlsx");
        HrFiles.writeXlsx(good, goodFile);
        HrFiles.writeXlsx(bad, badFile);
        out.put("rows", ROWS);
        out.put("xlsx_mb", Profile.round(Files.size(goodFile) / 1e6, 2));
        out.put("existing_employees", seed.employees);
        out.put("id_clashes_skipped", skipped);

        Path recording = h.work().resolve("import-app.jfr");
        Files.deleteIfExists(recording);
        HrImport.Result upload;
        try (App app = h.startApp("import", Profile.jvmArgs(recording));
             WebClient web = new WebClient(app.baseUrl)) {
            web.logIn(Harness.ADMIN, Harness.ADMIN_PASSWORD);
            Bench.progress("seeding units and " + seed.employees + " employees through the import form");
            double seedSeconds = seed.load(h.db(), web);
            out.put("seed_rows_per_s", Math.round(seed.employees / seedSeconds));

            // Its numbers are disjoint from the good file's, so the zero-rows check holds in either order; first,
            // it warms the parser's code the way earlier uploads do on a running server.
            Bench.progress("uploading the file with " + badLines.size() + " bad rows");
            HrImport.Result rejected = HrImport.upload(web, badFile);
            Set<Integer> named = new TreeSet<>();
            Matcher line = REPORTED_LINE.matcher(rejected.page());
            while (line.find()) {
                named.add(Integer.parseInt(line.group(1)));
            }
            Matcher badCount = REJECTED.matcher(rejected.page());
            out.put("bad_file_seconds", Profile.round(rejected.seconds(), 2));
            out.put("bad_rows_expected", badLines.size());
            out.put("bad_rows_reported", badCount.find() ? Integer.parseInt(badCount.group(1)) : null);
            out.put("bad_rows_named_ok", named.equals(badLines));

            Bench.progress("uploading " + ROWS + " rows");
            upload = HrImport.upload(web, goodFile);
            double rowsPerSecond = ROWS / upload.seconds();
            Bench.progress(String.format("imported in %.2f s: %.0f rows/s", upload.seconds(), rowsPerSecond));
            out.put("seconds", Profile.round(upload.seconds(), 2));
            out.put("rows_per_s", Math.round(rowsPerSecond));
            out.put("result_page_ok", upload.imported());

            try (Connection db = h.db().connect()) {
                out.put("rows_imported", countRange(db, good));
                out.put("rows_mismatched", mismatches(db, good));
                out.put("bad_file_rows_imported", countRange(db, bad));
                Bench.progress("replaying the written rows into a copy of employee with EXPLAIN ANALYZE");
                out.put("write_replay", replayWrite(db, good, h.root().resolve("bench/results/import-write-plan.txt")));
                Bench.progress("baseline: COPY of the same rows, " + BASELINE_REPEATS + " times");
                double baseline = copyBaseline(db, good, false);
                out.put("baseline_rows_per_s", Math.round(baseline));
                out.put("baseline_unique_keys_rows_per_s", Math.round(copyBaseline(db, good, true)));
                out.put("baseline", "PostgreSQL COPY of the same rows as CSV over JDBC CopyManager into a table "
                        + "of the 10 import columns (no indexes), one durable commit; median of " + BASELINE_REPEATS);
                out.put("ratio", Profile.round(rowsPerSecond / baseline, 3));
            }
            if (h.db().log() != null) {
                out.put("phases_ms", phases(Profile.statements(h.db().log(), upload.start(), upload.end()), upload));
                out.put("postgres", Profile.postgres(h.db().log(), upload.start(), upload.end()));
            }
        }
        out.put("profile", Profile.jfr(recording, upload.start(), upload.end(),
                h.root().resolve("bench/results/import-profile.txt")));

        boolean ok = Boolean.TRUE.equals(out.get("result_page_ok"))
                && out.get("rows_imported").equals((long) ROWS)
                && out.get("rows_mismatched").equals(0L)
                && out.get("bad_file_rows_imported").equals(0L)
                && Boolean.TRUE.equals(out.get("bad_rows_named_ok"))
                && Integer.valueOf(badLines.size()).equals(out.get("bad_rows_reported"));
        out.put("targets", Map.of("rows_per_s", TARGET_ROWS_PER_S, "ratio", TARGET_RATIO));
        out.put("targets_met", ((Number) out.get("rows_per_s")).doubleValue() >= TARGET_ROWS_PER_S
                && ((Number) out.get("ratio")).doubleValue() >= TARGET_RATIO);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", ok);
        result.putAll(out);
        return result;
    }

    /**
     * The timed import's wall time cut where its statements show its steps: the importer's first statement after
     * parsing reads the unit paths; its write is the COPY of the new rows into employee (the next chunks are
     * encrypted while it runs). Null when a marker is missing from the log.
     */
    private static Map<String, Object> phases(List<Profile.Statement> statements, HrImport.Result upload) {
        Profile.Statement parsed = first(statements, "SELECT id, path FROM org_unit");
        Profile.Statement copy = first(statements, "COPY employee (");
        if (parsed == null || copy == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("upload_and_parse", millis(upload.start(), parsed.start()));
        out.put("checks", millis(parsed.start(), copy.start()));
        out.put("copy_with_encryption", millis(copy.start(), copy.end()));
        out.put("commit_and_result_page", millis(copy.end(), upload.end()));
        return out;
    }

    private static Profile.Statement first(List<Profile.Statement> statements, String prefix) {
        return statements.stream().filter(st -> st.sql().startsWith(prefix)).findFirst().orElse(null);
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /**
     * {@link #ROWS} employees numbered from {@code firstNo}. The generator keeps ID numbers unique within one call
     * only, so an employee whose random ID number is already taken (by a seeded employee or an earlier file) is left out
     * and the next number takes its place.
     */
    private static List<HrRow> generate(EnterpriseGenerator generator, List<UnitPlan> units, int firstNo,
                                        Set<String> takenIds) {
        List<HrRow> rows = new ArrayList<>(ROWS);
        generator.employees(units, firstNo, ROWS + SPARE, r -> {
            if (rows.size() < ROWS && takenIds.add(r.idCard())) {
                rows.add(r);
            }
        });
        if (rows.size() < ROWS) {
            throw new IllegalStateException("too many ID clashes from " + firstNo);
        }
        return rows;
    }

    /**
     * Breaks a few rows the ways HR files go wrong: five ID numbers with a wrong check character, a phone that
     * appears twice in the file, a phone a demo employee already has and an unknown department.
     *
     * @return the file lines (header is line 1) that the import must name
     */
    private static Set<Integer> spoil(List<HrRow> rows, String demoPhone) {
        Set<Integer> lines = new TreeSet<>();
        for (int i : new int[]{10, 20_000, 40_000, 60_000, ROWS - 10}) {
            HrRow r = rows.get(i);
            String first17 = r.idCard().substring(0, 17);
            char wrong = IdCardNumber.checkCharacter(first17) == '0' ? '1' : '0';
            rows.set(i, withIdCard(r, first17 + wrong));
            lines.add(i + 2);
        }
        rows.set(80_000, withPhone(rows.get(80_000), rows.get(79_000).phone()));
        lines.add(80_002);
        rows.set(30_000, withPhone(rows.get(30_000), demoPhone));
        lines.add(30_002);
        HrRow r = rows.get(50_000);
        rows.set(50_000, new HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), r.phone(), r.idCard(), "D99999",
                r.hireDate(), r.jobTitle(), r.status()));
        lines.add(50_002);
        return lines;
    }

    private static HrRow withIdCard(HrRow r, String idCard) {
        return new HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), r.phone(), idCard, r.departmentCode(),
                r.hireDate(), r.jobTitle(), r.status());
    }

    private static HrRow withPhone(HrRow r, String phone) {
        return new HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), phone, r.idCard(), r.departmentCode(),
                r.hireDate(), r.jobTitle(), r.status());
    }

    /** SQL condition: the employee's number lies in the file's range (numbers skipped in generation are in no file). */
    private static String inRange(List<HrRow> rows) {
        return "CASE WHEN emp_no ~ '^[0-9]{1,18}$' THEN emp_no::bigint END BETWEEN "
                + Long.parseLong(rows.getFirst().employeeNo()) + " AND " + Long.parseLong(rows.getLast().employeeNo());
    }

    private static long countRange(Connection db, List<HrRow> rows) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM employee WHERE " + inRange(rows))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows whose stored values differ from the file's; phone and ID number compared through their blind indexes. */
    private static long mismatches(Connection db, List<HrRow> rows) throws SQLException {
        FieldCipher cipher = new FieldCipher(Harness.CRYPTO_KEY);
        Map<String, HrRow> byNo = new HashMap<>();
        rows.forEach(r -> byNo.put(r.employeeNo(), r));
        long mismatched = 0;
        long seen = 0;
        db.setAutoCommit(false);
        try (PreparedStatement s = db.prepareStatement("""
                SELECT e.emp_no, e.name, e.gender, e.birth_date::text, e.phone_idx, e.id_card_idx, d.code,
                       e.hire_date::text, e.job_title, e.status
                FROM employee e JOIN department d ON d.id = e.department_id""" + " WHERE " + inRange(rows))) {
            // a cursor (needs a transaction) instead of 100,000 rows in one result
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    HrRow r = byNo.get(rs.getString(1));
                    boolean same = r != null
                            && r.name().equals(rs.getString(2))
                            && (r.gender().equals("男") ? "M" : "F").equals(rs.getString(3))
                            && r.birthDate().equals(rs.getString(4))
                            && cipher.blindIndex(r.phone()).equals(rs.getString(5))
                            && cipher.blindIndex(r.idCard()).equals(rs.getString(6))
                            && r.departmentCode().equals(rs.getString(7))
                            && r.hireDate().equals(rs.getString(8))
                            && r.jobTitle().equals(rs.getString(9))
                            && (r.status().equals("在职") ? "ACTIVE" : "LEAVE").equals(rs.getString(10));
                    if (!same) {
                        mismatched++;
                    }
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        return mismatched + (rows.size() - seen);
    }

    /**
     * Replays the import's INSERT (from its temporary table, rows not yet there) with EXPLAIN ANALYZE on a copy of
     * {@code employee} that holds what it held before the import, so the report can tell the statement's parts
     * apart: the foreign-key trigger, WAL volume, the rest being the six indexes and the heap. The plan goes to
     * {@code planFile}.
     */
    private static Map<String, Object> replayWrite(Connection db, List<HrRow> good, Path planFile) throws Exception {
        StringBuilder plan = new StringBuilder();
        double commitMs;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE bench_replay_source AS SELECT " + WRITTEN_COLUMNS + " FROM employee WHERE "
                    + inRange(good) + " ORDER BY id");
            s.execute("CREATE TABLE bench_replay_employee (LIKE employee INCLUDING ALL)");
            s.execute("ALTER TABLE bench_replay_employee ADD FOREIGN KEY (department_id) REFERENCES department (id)");
            s.execute("INSERT INTO bench_replay_employee SELECT * FROM employee WHERE NOT (" + inRange(good) + ")");
            db.commit();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, WAL) INSERT INTO bench_replay_employee ("
                    + WRITTEN_COLUMNS + ") SELECT " + WRITTEN_COLUMNS + " FROM bench_replay_source i WHERE NOT EXISTS "
                    + "(SELECT 1 FROM bench_replay_employee e WHERE e.emp_no = i.emp_no)")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            long t0 = System.nanoTime();
            db.commit();
            commitMs = (System.nanoTime() - t0) / 1e6;
            s.execute("DROP TABLE bench_replay_employee, bench_replay_source");
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        Files.writeString(planFile, plan);
        Map<String, Object> out = new LinkedHashMap<>();
        Matcher total = PLAN_TIME.matcher(plan);
        out.put("insert_ms", total.find() ? Double.parseDouble(total.group(1)) : null);
        Matcher fk = PLAN_TRIGGER.matcher(plan);
        out.put("fk_trigger_ms", fk.find() ? Double.parseDouble(fk.group(1)) : null);
        Matcher wal = PLAN_WAL.matcher(plan);
        out.put("wal_mb", wal.find() ? Profile.round(Long.parseLong(wal.group(1)) / 1e6, 1) : null);
        out.put("commit_ms", Profile.round(commitMs, 1));
        return out;
    }

    /**
     * Rows per second of COPY plus commit into a fresh scratch table, median of a few runs. With
     * {@code uniqueKeys} the table has the unique keys employee has (number, phone, ID number).
     */
    private static double copyBaseline(Connection db, List<HrRow> rows, boolean uniqueKeys) throws Exception {
        String csv = HrFiles.csv(rows, false);
        double[] rates = new double[BASELINE_REPEATS];
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_import_copy");
            s.execute("""
                    CREATE TABLE bench_import_copy (emp_no TEXT, name TEXT, gender TEXT, birth_date DATE, phone TEXT,
                      id_card TEXT, department_code TEXT, hire_date DATE, job_title TEXT, status TEXT)""");
            if (uniqueKeys) {
                s.execute("ALTER TABLE bench_import_copy ADD UNIQUE (emp_no), ADD UNIQUE (phone), ADD UNIQUE (id_card)");
            }
            db.commit();
            for (int i = 0; i < BASELINE_REPEATS; i++) {
                s.execute("TRUNCATE bench_import_copy");
                db.commit();
                long t0 = System.nanoTime();
                long copied = db.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_import_copy FROM STDIN (FORMAT csv)", new StringReader(csv));
                db.commit();
                rates[i] = copied / ((System.nanoTime() - t0) / 1e9);
            }
            s.execute("DROP TABLE bench_import_copy");
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        Arrays.sort(rates);
        return rates[BASELINE_REPEATS / 2];
    }
}
