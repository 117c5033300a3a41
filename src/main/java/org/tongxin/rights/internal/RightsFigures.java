package org.tongxin.rights.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.security.Viewer;

/**
 * Appeal figures for a unit's subtree over the last twelve months, counted by where the appellants work: by category
 * and month, time to accept and to reply, satisfaction, what is overdue now, and repeated concerns by department
 * (three or more of a category from one department in 90 days — the early warning). A sensitive category
 * ({@link AppealCategory#sensitive()}) counts only when at least {@link #MIN_GROUP} different people raised it in the
 * period, and then everywhere; otherwise it is left out of every figure, totals included, so no figure can be
 * subtracted from another to find a small group. Counts only, never a name.
 */
@Service
public class RightsFigures {

    public static final int MIN_GROUP = 5;
    public static final int REPEATED = 3;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record CategoryRow(AppealCategory category, long appeals) {
    }

    public record MonthRow(YearMonth month, long appeals) {
    }

    public record Repeat(String department, AppealCategory category, long appeals) {
    }

    /** The figures; averages are null when nothing was accepted or replied to. */
    public record Figures(OrgUnit unit, LocalDate from, LocalDate to, long appeals, List<CategoryRow> byCategory,
                          List<MonthRow> byMonth, Double daysToAccept, Double daysToReply,
                          Map<Appeal.Rating, Long> ratings, long open, long overdue, List<Repeat> repeated,
                          boolean someLeftOut) {
    }

    private record Line(AppealCategory category, long employeeId, String department, LocalDate raisedOn,
                        Double daysToAccept, Double daysToReply, Appeal.Rating rating, boolean open, boolean overdue) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    RightsFigures(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** The figures of a unit the viewer manages (404 otherwise), up to {@code today}. */
    public Figures of(Viewer viewer, long unitId, LocalDate today) {
        OrgUnit unit = org.managedUnit(viewer, unitId);
        Long[] units = org.subtreeCounts(unit).stream().map(UnitCount::unit).map(OrgUnit::id).toArray(Long[]::new);
        LocalDate from = today.minusMonths(12).withDayOfMonth(1).plusMonths(1);
        List<Line> lines = jdbc.sql("""
                        SELECT category, employee_id, coalesce(department, ''), created_at,
                          (extract(epoch FROM accepted_at - created_at) / 86400.0)::float8,
                          (extract(epoch FROM replied_at - created_at) / 86400.0)::float8, rating, status, accept_due, resolve_due
                        FROM rights_appeal WHERE home_unit_id = ANY(?) AND created_at >= ?""")
                .params(units, from.atStartOfDay(ZONE).toOffsetDateTime())
                .query((rs, i) -> {
                    String status = rs.getString(8);
                    LocalDate acceptDue = rs.getObject(9, LocalDate.class);
                    LocalDate resolveDue = rs.getObject(10, LocalDate.class);
                    boolean open = status.equals("SUBMITTED") || status.equals("ACCEPTED") || status.equals("REPLIED");
                    boolean overdue = (status.equals("SUBMITTED") && acceptDue.isBefore(today))
                            || (status.equals("ACCEPTED") && resolveDue != null && resolveDue.isBefore(today));
                    String rating = rs.getString(7);
                    return new Line(AppealCategory.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(ZONE).toLocalDate(),
                            rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                            rating == null ? null : Appeal.Rating.valueOf(rating), open, overdue);
                })
                .list();
        Set<AppealCategory> leftOut = EnumSet.noneOf(AppealCategory.class);
        Map<AppealCategory, Set<Long>> people = new EnumMap<>(AppealCategory.class);
        lines.forEach(l -> people.computeIfAbsent(l.category(), c -> new HashSet<>()).add(l.employeeId()));
        people.forEach((c, who) -> {
            if (c.sensitive() && who.size() < MIN_GROUP) {
                leftOut.add(c);
            }
        });
        List<Line> counted = lines.stream().filter(l -> !leftOut.contains(l.category())).toList();

        Map<AppealCategory, Long> perCategory = new EnumMap<>(AppealCategory.class);
        Map<YearMonth, Long> perMonth = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            perMonth.put(m, 0L);
        }
        Map<Appeal.Rating, Long> ratings = new EnumMap<>(Appeal.Rating.class);
        for (Appeal.Rating r : Appeal.Rating.values()) {
            ratings.put(r, 0L);
        }
        double accept = 0;
        double reply = 0;
        int accepted = 0;
        int replied = 0;
        long open = 0;
        long overdue = 0;
        for (Line l : counted) {
            perCategory.merge(l.category(), 1L, Long::sum);
            perMonth.merge(YearMonth.from(l.raisedOn()), 1L, Long::sum);
            if (l.daysToAccept() != null) {
                accept += l.daysToAccept();
                accepted++;
            }
            if (l.daysToReply() != null) {
                reply += l.daysToReply();
                replied++;
            }
            if (l.rating() != null) {
                ratings.merge(l.rating(), 1L, Long::sum);
            }
            open += l.open() ? 1 : 0;
            overdue += l.overdue() ? 1 : 0;
        }
        List<CategoryRow> byCategory = new ArrayList<>();
        for (AppealCategory c : AppealCategory.values()) {
            if (!leftOut.contains(c)) {
                byCategory.add(new CategoryRow(c, perCategory.getOrDefault(c, 0L)));
            }
        }
        List<MonthRow> byMonth = perMonth.entrySet().stream().map(e -> new MonthRow(e.getKey(), e.getValue())).toList();
        return new Figures(unit, from, today, counted.size(), byCategory, byMonth,
                accepted == 0 ? null : accept / accepted, replied == 0 ? null : reply / replied, ratings, open, overdue,
                repeated(counted, today), !leftOut.isEmpty());
    }

    /** A sensitive category's group in one department shows only with five different people in it too. */
    private static List<Repeat> repeated(List<Line> counted, LocalDate today) {
        Map<List<Object>, List<Line>> groups = new HashMap<>();
        for (Line l : counted) {
            if (!l.department().isEmpty() && !l.raisedOn().isBefore(today.minusDays(90))) {
                groups.computeIfAbsent(List.of(l.department(), l.category()), k -> new ArrayList<>()).add(l);
            }
        }
        List<Repeat> out = new ArrayList<>();
        groups.forEach((key, group) -> {
            AppealCategory category = (AppealCategory) key.get(1);
            long people = group.stream().map(Line::employeeId).distinct().count();
            if (group.size() >= REPEATED && (!category.sensitive() || people >= MIN_GROUP)) {
                out.add(new Repeat((String) key.get(0), category, group.size()));
            }
        });
        out.sort((a, b) -> a.appeals() != b.appeals() ? Long.compare(b.appeals(), a.appeals())
                : a.department().compareTo(b.department()));
        return out;
    }
}
