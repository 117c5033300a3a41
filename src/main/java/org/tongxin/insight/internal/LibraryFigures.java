package org.tongxin.insight.internal;

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

    /** How many of each month's most borrowed titles are read first. */
    static final int HEADS = 20;

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
     * The {@code n} titles borrowed most in the subtree in the range, most first (ties by id), exactly. A large
     * subtree reads only the heads of each month's ranking (Fagin's threshold algorithm): the {@value #HEADS} titles
     * borrowed most in each month are the candidates, and their loans in the months whose heads they are not among
     * are looked up. A title that is no candidate was borrowed in each month at most as often as that month's last
     * head, so at most the sum of those (the threshold) in the range: once the n-th best candidate has more, no other
     * title can reach it. Loans spread as they do over a large subtree (a few titles borrowed far more than the rest)
     * settle it so. Where they do not — a small subtree, whose titles are mostly borrowed once a month — every title's
     * rows are added up, which there are few of.
     */
    public List<Ranked> topTitles(long unitId, YearMonth from, YearMonth to, int n) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.atDay(1).toString());
        }
        String[] range = months.toArray(String[]::new);
        record Head(String month, String title, long loans) {
        }
        List<Head> heads = jdbc.sql("SELECT m.month::text, t.category, t.started"
                        + " FROM unnest(?::date[]) AS m(month), LATERAL (SELECT category, started"
                        + " FROM insight_month WHERE kind = '" + LibraryKinds.LOAN_TITLE + "'"
                        + " AND unit_id = ? AND month = m.month ORDER BY started DESC LIMIT ?) t")
                .params(range, unitId, HEADS)
                .query((rs, i) -> new Head(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        Map<String, Map<String, Long>> known = new HashMap<>();
        Map<String, Long> lastHead = new HashMap<>();
        Map<String, Integer> headsOf = new HashMap<>();
        for (Head h : heads) {
            known.computeIfAbsent(h.title(), k -> new HashMap<>()).put(h.month(), h.loans());
            lastHead.merge(h.month(), h.loans(), Math::min);
            headsOf.merge(h.month(), 1, Integer::sum);
        }
        // A month read to its end holds nothing more; one read to the last head may hold more of each candidate.
        List<String> deep = headsOf.entrySet().stream().filter(e -> e.getValue() == HEADS).map(Map.Entry::getKey)
                .toList();
        long threshold = deep.stream().mapToLong(lastHead::get).sum();
        List<String> lookMonths = new ArrayList<>();
        List<String> lookTitles = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> c : known.entrySet()) {
            for (String month : deep) {
                if (!c.getValue().containsKey(month)) {
                    lookMonths.add(month);
                    lookTitles.add(c.getKey());
                }
            }
        }
        Map<String, Long> totals = new HashMap<>();
        known.forEach((title, byMonth) -> totals.put(title,
                byMonth.values().stream().mapToLong(Long::longValue).sum()));
        if (!lookTitles.isEmpty()) {
            jdbc.sql("SELECT p.category, m.started FROM unnest(?::date[], ?::text[]) AS p(month, category)"
                            + " JOIN insight_month m ON m.kind = ? AND m.month = p.month AND m.unit_id = ?"
                            + " AND m.category = p.category")
                    .params(lookMonths.toArray(String[]::new), lookTitles.toArray(String[]::new),
                            LibraryKinds.LOAN_TITLE, unitId)
                    .query((rs, i) -> totals.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        }
        List<Ranked> ranked = totals.entrySet().stream()
                .map(e -> new Ranked(Long.parseLong(e.getKey()), e.getValue())).sorted(ORDER).toList();
        List<Ranked> top = ranked.subList(0, Math.min(n, ranked.size()));
        if (deep.isEmpty() || (top.size() == n && top.getLast().loans() > threshold)) {
            return top;
        }
        return jdbc.sql("SELECT category, sum(started) FROM insight_month WHERE kind = '" + LibraryKinds.LOAN_TITLE
                        + "' AND unit_id = ? AND month BETWEEN ? AND ? GROUP BY category"
                        + " ORDER BY sum(started) DESC, category::bigint LIMIT ?")
                .params(unitId, from.atDay(1), to.atDay(1), n)
                .query((rs, i) -> new Ranked(Long.parseLong(rs.getString(1)), rs.getLong(2))).list();
    }
}
