package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;

/**
 * What to read next: titles popular among the reader's colleagues, new arrivals, and titles read by readers of the
 * same books. Only counts of readers leave this class, never who they are; a title is suggested only when at least
 * {@link #MIN_READERS} other readers account for it and the asking reader is never among those counted, so no list
 * points at one colleague's reading.
 */
@Service
public class ReadingRecommendations {

    /** Fewest other readers behind a suggested title. */
    public static final int MIN_READERS = 2;
    /** How far back "popular in my unit" looks. */
    public static final int POPULAR_DAYS = 180;
    /** The reader's own most recent titles that "readers like you" starts from. */
    private static final int OWN_TITLES = 20;

    /** A suggested title; {@code readers} is how many other readers account for it (0 for new arrivals). */
    public record Pick(long titleId, String title, String authors, String coverKey, int readers) {
    }

    private static final RowMapper<Pick> PICK = (rs, i) -> new Pick(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5));

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    ReadingRecommendations(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /**
     * The reader's union unit as "my unit" means it: the unit of their department, or, for a union group (工会小组,
     * a shift of a dozen people), the unit above it.
     */
    public Optional<OrgUnit> unitOf(long employeeId) {
        Optional<OrgUnit> own = org.employee(employeeId).flatMap(e -> org.unit(e.unitId()));
        return own.map(u -> u.kind() == UnitKind.GROUP && u.parentId() != null ? org.unit(u.parentId()).orElse(u) : u);
    }

    /**
     * Titles most borrowed in the last {@link #POPULAR_DAYS} days by the active employees of the reader's unit (and
     * the units below it), the reader left out.
     */
    public List<Pick> popularInUnit(long employeeId, OffsetDateTime now, int limit) {
        Optional<OrgUnit> unit = unitOf(employeeId);
        if (unit.isEmpty()) {
            return List.of();
        }
        Long[] colleagues = org.activeEmployeesInSubtree(unit.get().id()).stream()
                .filter(id -> id != employeeId).toArray(Long[]::new);
        if (colleagues.length < MIN_READERS) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH counted AS (
                          SELECT c.title_id, count(DISTINCT l.employee_id) AS readers
                          FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE l.employee_id = ANY(?) AND l.borrowed_at >= ?
                          GROUP BY c.title_id HAVING count(DISTINCT l.employee_id) >= ?)
                        SELECT t.id, t.title, t.authors, t.cover_key, counted.readers
                        FROM counted JOIN library_title t ON t.id = counted.title_id
                        ORDER BY counted.readers DESC, t.id DESC LIMIT ?""")
                .params(colleagues, now.minusDays(POPULAR_DAYS), MIN_READERS, limit).query(PICK).list();
    }

    /** Titles most recently catalogued that have a copy in some room. */
    public List<Pick> newArrivals(int limit) {
        return jdbc.sql("""
                        SELECT t.id, t.title, t.authors, t.cover_key, 0 FROM library_title t
                        WHERE EXISTS (SELECT 1 FROM library_copy c WHERE c.title_id = t.id
                                        AND c.status NOT IN ('LOST', 'WITHDRAWN'))
                        ORDER BY t.created_at DESC, t.id DESC LIMIT ?""")
                .param(limit).query(PICK).list();
    }

    /** "Readers who borrowed this also borrowed": other titles of the other readers of this title. */
    public List<Pick> alsoBorrowed(long titleId, Long employeeId, int limit) {
        long me = employeeId == null ? 0 : employeeId;
        return jdbc.sql("""
                        WITH readers AS (
                          SELECT DISTINCT l.employee_id FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE c.title_id = ? AND l.employee_id <> ?),
                        counted AS (
                          SELECT c.title_id, count(DISTINCT l.employee_id) AS readers
                          FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE l.employee_id IN (SELECT employee_id FROM readers) AND c.title_id <> ?
                          GROUP BY c.title_id HAVING count(DISTINCT l.employee_id) >= ?)
                        SELECT t.id, t.title, t.authors, t.cover_key, counted.readers
                        FROM counted JOIN library_title t ON t.id = counted.title_id
                        ORDER BY counted.readers DESC, t.id DESC LIMIT ?""")
                .params(titleId, me, titleId, MIN_READERS, limit).query(PICK).list();
    }

    /**
     * Titles borrowed by the readers of what this reader borrowed lately, leaving out whatever the reader has
     * borrowed already.
     */
    public List<Pick> forReader(long employeeId, int limit) {
        return jdbc.sql("""
                        WITH mine AS (
                          SELECT DISTINCT c.title_id FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE l.employee_id = ?),
                        recent AS (
                          SELECT c.title_id FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE l.employee_id = ? GROUP BY c.title_id ORDER BY max(l.borrowed_at) DESC LIMIT ?),
                        readers AS (
                          SELECT DISTINCT l.employee_id FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE c.title_id IN (SELECT title_id FROM recent) AND l.employee_id <> ?),
                        counted AS (
                          SELECT c.title_id, count(DISTINCT l.employee_id) AS readers
                          FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                          WHERE l.employee_id IN (SELECT employee_id FROM readers)
                            AND c.title_id NOT IN (SELECT title_id FROM mine)
                          GROUP BY c.title_id HAVING count(DISTINCT l.employee_id) >= ?)
                        SELECT t.id, t.title, t.authors, t.cover_key, counted.readers
                        FROM counted JOIN library_title t ON t.id = counted.title_id
                        ORDER BY counted.readers DESC, t.id DESC LIMIT ?""")
                .params(employeeId, employeeId, OWN_TITLES, employeeId, MIN_READERS, limit).query(PICK).list();
    }
}
