package org.tongxin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.demo.Scale;
import org.tongxin.org.OrgSetup.HrRow;

/**
 * The enterprise of a benchmark scale as the demo loader would build it from the same seed: the union tree
 * with one department per working unit, and the employees numbered from {@link #FIRST_NO}. The bench builds
 * it itself because the demo loader fails at the ENTERPRISE and PROVINCE scales (it looks for the demo
 * scale's toll station and finds no employee under its fallback unit; see bench/README.md). Units and
 * departments go in over JDBC, as {@code OrgSetup} writes them, since the app has no form for departments;
 * the employees go through the HR import form, in files of at most {@link #CHUNK} rows.
 */
final class EnterpriseSeed {

    /** The demo loader numbers its employees from here. */
    static final int FIRST_NO = 100_001;
    /** Rows per seed file: a million employees would not fit the 64 MB upload limit in one file. */
    private static final int CHUNK = 100_000;

    final List<UnitPlan> units;
    /** ID numbers the seeded employees hold; files generated later must not reuse them. */
    final Set<String> idCards;
    /** The phone of the first seeded employee, for a row that must clash with it. */
    final String firstPhone;
    final int employees;
    private final List<Path> files;

    private EnterpriseSeed(List<UnitPlan> units, Set<String> idCards, String firstPhone, int employees, List<Path> files) {
        this.units = units;
        this.idCards = idCards;
        this.firstPhone = firstPhone;
        this.employees = employees;
        this.files = files;
    }

    /** Generates the enterprise and writes its employees as CSV files under {@code work}. */
    static EnterpriseSeed generate(EnterpriseGenerator generator, Scale scale, Path work) throws IOException {
        List<UnitPlan> units = generator.units(scale);
        Set<String> idCards = new HashSet<>();
        List<Path> files = new ArrayList<>();
        List<HrRow> chunk = new ArrayList<>(CHUNK);
        String[] firstPhone = new String[1];
        try {
            generator.employees(units, FIRST_NO, scale.employees(), r -> {
                idCards.add(r.idCard());
                if (firstPhone[0] == null) {
                    firstPhone[0] = r.phone();
                }
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    write(chunk, work, files);
                }
            });
            if (!chunk.isEmpty()) {
                write(chunk, work, files);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new EnterpriseSeed(units, idCards, firstPhone[0], scale.employees(), files);
    }

    /** Writes one seed file and empties the chunk; unchecked, as it runs inside the generator's callback. */
    private static void write(List<HrRow> chunk, Path work, List<Path> files) {
        Path file = work.resolve(String.format("seed-employees-%02d.csv", files.size()));
        try {
            Files.writeString(file, HrFiles.csv(chunk, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        chunk.clear();
    }

    /** Creates the tree and imports the employees; returns the seconds the imports took. */
    double load(Database db, WebClient web) throws Exception {
        try (Connection c = db.connect()) {
            insertUnits(c, units);
        }
        double seconds = 0;
        for (Path file : files) {
            HrImport.Result result = HrImport.upload(web, file);
            if (!result.imported()) {
                throw new IllegalStateException("seed file " + file.getFileName() + " was rejected");
            }
            seconds += result.seconds();
            Bench.progress("seeded " + file.getFileName() + " in " + Profile.round(result.seconds(), 2) + " s");
        }
        return seconds;
    }

    /**
     * What OrgSetup.createUnit, createPartner and createDepartment write: a partner is a root beside its unit.
     * Commits; the connection is left in manual-commit mode.
     */
    static void insertUnits(Connection c, List<UnitPlan> units) throws Exception {
        c.setAutoCommit(false);
        Map<Integer, String> paths = new HashMap<>();
        Map<Integer, Long> ids = new HashMap<>();
        Map<Integer, Integer> depths = new HashMap<>();
        try (Statement s = c.createStatement();
             PreparedStatement unit = c.prepareStatement("""
                     INSERT INTO org_unit (id, parent_id, beside_id, name, kind, path, depth) VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement department = c.prepareStatement(
                     "INSERT INTO department (code, name, unit_id) VALUES (?, ?, ?)")) {
            for (UnitPlan u : units) {
                long id;
                try (ResultSet rs = s.executeQuery("SELECT nextval('org_unit_id_seq')")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                Integer parent = u.parentKey();
                String path = (parent == null ? "/" : paths.get(parent)) + id + "/";
                int depth = parent == null ? 0 : depths.get(parent) + 1;
                unit.setLong(1, id);
                unit.setObject(2, parent == null ? null : ids.get(parent));
                unit.setObject(3, u.besideKey() == null ? null : ids.get(u.besideKey()));
                unit.setString(4, u.name());
                unit.setString(5, u.kind().name());
                unit.setString(6, path);
                unit.setInt(7, depth);
                unit.addBatch();
                ids.put(u.key(), id);
                paths.put(u.key(), path);
                depths.put(u.key(), depth);
                if (u.departmentCode() != null) {
                    department.setString(1, u.departmentCode());
                    department.setString(2, u.departmentName());
                    department.setLong(3, id);
                    department.addBatch();
                }
            }
            unit.executeBatch();
            department.executeBatch();
            c.commit();
        }
    }
}
