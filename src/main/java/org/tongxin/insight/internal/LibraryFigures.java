package org.tongxin.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library's rankings of a subtree over a range of months, read from the roll-up rows by room and by title of the
 * node alone (an index keeps each month's rows in order of loans). Loans per room add up every room's rows; the most
 * borrowed titles are found without adding up every title's: see {@link #topTitles}.
 */
@Component
public class LibraryFigures {

    /** A room or title with its loans in the range. */
    public record Ranked(long id, long loans) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingLong(Ranked::loans).reversed()
            .thenComparingLong(Ranked::id);

    private final JdbcClient jdbc;

    LibraryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every room of the subtree that lent in the range, most loans first (ties by id). */
    public List<Ranked> rooms(long unitId, YearMonth from, YearMonth to) {
        // The kind is written out so that the planner can use the partial index of ranked kinds.
        return jdbc.sql("SELECT category, sum(started) FROM insight_month WHERE kind = '" + LibraryKinds.LOAN_ROOM
                        + "' AND unit_id = ? AND month BETWEEN ? AND ? GROUP BY category")
                .params(unitId, from.atDay(1), to.atDay(1))
                .query((rs, i) -> new Ranked(Long.parseLong(rs.getString(1)), rs.getLong(2))).list().stream()
                .filter(r -> r.loans() > 0).sorted(ORDER).toList();
    }

    /**
     * The {@code n} titles borrowed most in the subtree in the range, most first (ties by id), exactly, reading only
     * the heads of each month's ranking (Fagin's threshold algorithm): the {@code depth} titles borrowed most in each
     * month are the candidates, and their totals over the range are added up. A title that is no candidate was
     * borrowed in each month at most as often as that month's last candidate, so at most the sum of those (the
     * threshold) in the range: once the n-th best candidate has more, no other title can reach it. Otherwise the
     * heads are read deeper. With loans spread as they are (a few titles borrowed far more than the rest) the first
     * reading is enough.
     */
    public List<Ranked> topTitles(long unitId, YearMonth from, YearMonth to, int n) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.atDay(1).toString());
        }
        String[] days = months.toArray(String[]::new);
        int depth = Math.max(4 * n, 20);
        while (true) {
            record Head(LocalDate month, String title, long loans) {
            }
            List<Head> heads = jdbc.sql("SELECT m.month, t.category, t.started FROM unnest(?::date[]) AS m(month),"
                            + " LATERAL (SELECT category, started FROM insight_month WHERE kind = '"
                            + LibraryKinds.LOAN_TITLE + "' AND unit_id = ? AND month = m.month"
                            + " ORDER BY started DESC LIMIT ?) t")
                    .params(days, unitId, depth)
                    .query((rs, i) -> new Head(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)))
                    .list();
            Map<LocalDate, List<Head>> byMonth = new HashMap<>();
            heads.forEach(h -> byMonth.computeIfAbsent(h.month(), k -> new ArrayList<>()).add(h));
            boolean complete = true;
            long threshold = 0;
            for (List<Head> month : byMonth.values()) {
                if (month.size() == depth) {
                    complete = false;
                    threshold += month.stream().mapToLong(Head::loans).min().orElse(0);
                }
            }
            List<String> candidates = heads.stream().map(Head::title).distinct().toList();
            List<Ranked> totals = candidates.isEmpty() ? List.of() : jdbc.sql(
                            "SELECT category, sum(started) FROM insight_month WHERE kind = ? AND month = ANY(?::date[])"
                                    + " AND unit_id = ? AND category = ANY(?) GROUP BY category")
                    .params(LibraryKinds.LOAN_TITLE, days, unitId, candidates.toArray(String[]::new))
                    .query((rs, i) -> new Ranked(Long.parseLong(rs.getString(1)), rs.getLong(2))).list().stream()
                    .sorted(ORDER).toList();
            List<Ranked> top = totals.subList(0, Math.min(n, totals.size()));
            if (complete || (top.size() == n && top.getLast().loans() > threshold)) {
                return top;
            }
            depth *= 4;
        }
    }
}
