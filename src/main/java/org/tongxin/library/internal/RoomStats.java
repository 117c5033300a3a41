package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;

/**
 * A reading room's dashboard for its officers: loans per month, the most borrowed and the idle titles, and how many
 * readers each union unit sent. Counts only: no page built on it names a reader.
 */
@Service
public class RoomStats {

    /** Months shown, the current one included. */
    public static final int MONTHS = 12;
    /** A title is idle when no copy of it in the room has been borrowed for this long (and it has been there as long). */
    public static final int IDLE_DAYS = 365;

    public record Month(YearMonth month, int loans) {
    }

    public record TitleCount(long titleId, String title, String authors, int loans, int readers) {
    }

    /** A title whose copies in the room have stood unread; {@code lastBorrowed} null when never. */
    public record Idle(long titleId, String title, String authors, int copies, OffsetDateTime lastBorrowed,
                       OffsetDateTime since) {
    }

    public record UnitReaders(long unitId, String unitName, int readers) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    RoomStats(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** Loans made in the room in each of the last {@link #MONTHS} months, oldest first, months without loans as 0. */
    public List<Month> loansPerMonth(long roomId, OffsetDateTime now) {
        YearMonth current = YearMonth.from(now);
        YearMonth first = current.minusMonths(MONTHS - 1);
        OffsetDateTime from = first.atDay(1).atStartOfDay(now.getOffset()).toOffsetDateTime();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT to_char(borrowed_at, 'YYYY-MM'), count(*)::int FROM library_loan
                        WHERE room_id = ? AND borrowed_at >= ? GROUP BY 1""")
                .params(roomId, from).query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return IntStream.range(0, MONTHS).mapToObj(first::plusMonths)
                .map(m -> new Month(m, counts.getOrDefault(m.toString(), 0))).toList();
    }

    /** Titles lent most often in the room over the last year, with how many different readers took them. */
    public List<TitleCount> mostBorrowed(long roomId, OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT t.id, t.title, t.authors, count(*)::int AS loans, count(DISTINCT l.employee_id)::int
                        FROM library_loan l JOIN library_copy c ON c.id = l.copy_id JOIN library_title t ON t.id = c.title_id
                        WHERE l.room_id = ? AND l.borrowed_at >= ?
                        GROUP BY t.id, t.title, t.authors ORDER BY loans DESC, t.title LIMIT ?""")
                .params(roomId, now.minusYears(1), limit)
                .query((rs, i) -> new TitleCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5)))
                .list();
    }

    /**
     * Titles with copies belonging to the room (not lost or withdrawn) of which none has been borrowed in the last
     * {@link #IDLE_DAYS} days, counting only copies the room has had at least that long; never-borrowed first.
     */
    public List<Idle> idle(long roomId, OffsetDateTime now, int limit) {
        OffsetDateTime cutoff = now.minusDays(IDLE_DAYS);
        return jdbc.sql("""
                        WITH held AS (
                          SELECT c.title_id, count(*)::int AS copies, min(c.added_at) AS since,
                            max((SELECT max(l.borrowed_at) FROM library_loan l WHERE l.copy_id = c.id)) AS last_borrowed
                          FROM library_copy c
                          WHERE c.home_room_id = ? AND c.status NOT IN ('LOST', 'WITHDRAWN') AND c.added_at <= ?
                          GROUP BY c.title_id)
                        SELECT t.id, t.title, t.authors, held.copies, held.last_borrowed, held.since
                        FROM held JOIN library_title t ON t.id = held.title_id
                        WHERE held.last_borrowed IS NULL OR held.last_borrowed < ?
                        ORDER BY held.last_borrowed NULLS FIRST, t.title LIMIT ?""")
                .params(roomId, cutoff, cutoff, limit)
                .query((rs, i) -> new Idle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /**
     * Readers who borrowed in the room over the last year, counted per union unit they belong to now (their
     * department's unit), most readers first.
     */
    public List<UnitReaders> readersByUnit(long roomId, OffsetDateTime now) {
        List<Long> readers = jdbc.sql("SELECT DISTINCT employee_id FROM library_loan WHERE room_id = ? AND borrowed_at >= ?")
                .params(roomId, now.minusYears(1)).query(Long.class).list();
        Map<Long, Integer> perUnit = new HashMap<>();
        org.unitIdsOf(readers).values().forEach(unit -> perUnit.merge(unit, 1, Integer::sum));
        return perUnit.entrySet().stream()
                .map(e -> new UnitReaders(e.getKey(), org.unit(e.getKey()).map(OrgUnit::name).orElse(""), e.getValue()))
                .sorted(Comparator.comparingInt(UnitReaders::readers).reversed().thenComparing(UnitReaders::unitName))
                .toList();
    }
}
