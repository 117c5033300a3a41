package org.tongxin.live.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.security.Viewer;

/**
 * The attendance of a session for its organisers, as DingTalk shows a live's: everyone invited and everyone else
 * who watched, with minutes watched live and as a replay, whether they reached the session's share (attended), and
 * who never watched; for a subtree of the tree, with counts for the subtree's own people and for each unit right
 * below it. Watch time and "attended" come from {@link Attendance}; minutes are shown to one decimal.
 */
@Component
class AttendanceReport {

    private static final Comparator<Object> BY_NAME = Collator.getInstance(Locale.CHINA);

    /** One person: invited or not (an officer looking in, a viewer of a public session), with their watch time. */
    record Line(long employeeId, String name, String employeeNo, long unitId, String unitName, boolean invited,
                long liveMs, long replayMs, boolean attended) {

        public BigDecimal liveMinutes() {
            return minutes(liveMs);
        }

        public BigDecimal replayMinutes() {
            return minutes(replayMs);
        }

        public boolean neverWatched() {
            return liveMs == 0 && replayMs == 0;
        }

        /** ATTENDED, WATCHED (not enough yet) or NEVER. */
        public String standing() {
            return attended ? "ATTENDED" : neverWatched() ? "NEVER" : "WATCHED";
        }
    }

    /** Counts for a group of people (the whole report, the root's own people or a unit right below it). */
    record Counts(long unitId, String name, boolean own, int invited, int watchedLive, int watchedReplay,
                  int attended, int never, long liveMs, long replayMs) {

        public BigDecimal liveMinutes() {
            return minutes(liveMs);
        }

        public BigDecimal replayMinutes() {
            return minutes(replayMs);
        }

        static Counts of(long unitId, String name, boolean own, List<Line> lines) {
            int invited = 0;
            int live = 0;
            int replay = 0;
            int attended = 0;
            int never = 0;
            long liveMs = 0;
            long replayMs = 0;
            for (Line l : lines) {
                invited += l.invited() ? 1 : 0;
                live += l.liveMs() > 0 ? 1 : 0;
                replay += l.replayMs() > 0 ? 1 : 0;
                attended += l.attended() ? 1 : 0;
                never += l.invited() && l.neverWatched() ? 1 : 0;
                liveMs += l.liveMs();
                replayMs += l.replayMs();
            }
            return new Counts(unitId, name, own, invited, live, replay, attended, never, liveMs, replayMs);
        }
    }

    record Report(Sessions.Session session, OrgUnit root, boolean filtered, List<OrgUnit> subtrees, List<Line> lines,
                  Counts totals, List<Counts> units) {
    }

    private final LiveService live;
    private final Attendance attendance;
    private final OrgDirectory org;

    AttendanceReport(LiveService live, Attendance attendance, OrgDirectory org) {
        this.live = live;
        this.attendance = attendance;
        this.org = org;
    }

    static BigDecimal minutes(long ms) {
        return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }

    /**
     * The report of a session the viewer runs (404 otherwise), for the subtree of {@code unitId} when given (a unit
     * the viewer manages, 404 otherwise), else for everyone.
     */
    Report of(Viewer viewer, long sessionId, Long unitId) {
        Sessions.Session s = live.runnable(viewer, sessionId);
        OrgUnit home = org.unit(s.audienceUnitId() != null ? s.audienceUnitId() : s.hostUnitId()).orElseThrow();
        OrgUnit root = unitId == null ? home : org.managedUnit(viewer, unitId);
        Map<Long, Attendance.Watch> watched = attendance.of(sessionId);
        Set<Long> invited = new LinkedHashSet<>(live.invited(s));
        Set<Long> people = new LinkedHashSet<>(invited);
        people.addAll(watched.keySet());
        Map<Long, EmployeeSummary> summaries = org.employees(people);
        Map<Long, OrgUnit> units = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (long id : people) {
            EmployeeSummary e = summaries.get(id);
            if (e == null) {
                continue;
            }
            OrgUnit unit = units.computeIfAbsent(e.unitId(), u -> org.unit(u).orElseThrow());
            if (unitId != null && !unit.pathIds().contains(root.id())) {
                continue;
            }
            Attendance.Watch w = watched.get(id);
            lines.add(new Line(id, e.name(), e.employeeNo(), e.unitId(), e.unitName(), invited.contains(id),
                    w == null ? 0 : w.liveMs(), w == null ? 0 : w.replayMs(), Attendance.attended(s, w)));
        }
        lines.sort(Comparator.comparing(Line::unitName, BY_NAME).thenComparing(Line::name, BY_NAME)
                .thenComparing(Line::employeeNo));
        List<OrgUnit> subtrees = org.subtreeCounts(home).stream().map(UnitCount::unit)
                .filter(u -> !u.kind().isPartner() && !u.isClosed() && u.depth() <= home.depth() + 2)
                .filter(u -> viewer.manages(u.pathIds())).toList();
        return new Report(s, root, unitId != null, subtrees, lines, Counts.of(root.id(), root.name(), false, lines),
                perUnit(root, lines, units));
    }

    /**
     * Counts for the root's own people and for each unit right below it, in name order; people outside the root
     * (a list or watchers from elsewhere) are counted under their own unit.
     */
    private List<Counts> perUnit(OrgUnit root, List<Line> lines, Map<Long, OrgUnit> units) {
        Map<Long, List<Line>> groups = new LinkedHashMap<>();
        for (Line l : lines) {
            List<Long> path = units.get(l.unitId()).pathIds();
            int at = path.indexOf(root.id());
            long group = at < 0 ? l.unitId() : at == path.size() - 1 ? root.id() : path.get(at + 1);
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(l);
        }
        List<Counts> out = new ArrayList<>();
        groups.forEach((id, group) -> out.add(Counts.of(id,
                units.computeIfAbsent(id, k -> org.unit(k).orElseThrow()).name(), id == root.id(), group)));
        out.sort(Comparator.comparing((Counts c) -> !c.own()).thenComparing(Counts::name, BY_NAME));
        return out;
    }
}
