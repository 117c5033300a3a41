package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.LearningSections.kpi;
import static org.tongxin.insight.LearningSections.last;
import static org.tongxin.insight.LearningSections.values;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.LiveKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.live.LiveSetup;
import org.tongxin.live.internal.LiveService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Live's figures kept from its snapshots: sessions held (not those cancelled), viewers live and of the replay,
 * attendance and minutes watched — counted once the session has ended — by hand; and the same figures rebuilt.
 */
class LiveInsightTests extends IntegrationTestSupport {

    private static final List<String> KINDS = List.of(LiveKinds.SESSION, LiveKinds.VIEWER);
    private static final List<LiveSetup.StreamFile> STREAM =
            List.of(new LiveSetup.StreamFile("seg0.ts", new byte[188]));

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    LiveSetup live;
    @Autowired
    LiveService service;

    private Viewer person(OrgSetup.HrRow row) {
        long id = fixtures.employeeId(row.employeeNo());
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    @Test
    void sessionsViewersAttendanceAndMinutesAreCountedByHandAndTheSameRebuilt() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("直播看板收费站");
        OrgUnit team = orgSetup.createUnit(station.unit().id(), "直播看板一班" + System.nanoTime(), UnitKind.GROUP);
        String teamCode = "LI" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(teamCode, "直播看板一班", team.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()), Fixtures.row(teamCode));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live-insight.csv", rows);
        Viewer u1 = person(rows.get(0));
        Viewer u2 = person(rows.get(1));
        Viewer t1 = person(rows.get(2));
        long unit = station.unit().id();
        Viewer organiser = Fixtures.officer(fixtures.adminAccountId(), unit);
        long presenter = fixtures.adminAccountId();
        OffsetDateTime now = OffsetDateTime.now();

        // Four months ago the team held a session nobody watched; one scheduled now is cancelled.
        OffsetDateTime longAgo = now.minusDays(120);
        long old = live.schedule(organiser, "四个月前的直播", "", team.id(), presenter, longAgo, longAgo.plusMinutes(30),
                "SUBTREE", team.id(), List.of(), null, 50);
        live.push(organiser, old, STREAM);
        live.end(organiser, old);
        live.backdate(old, longAgo, longAgo.plusMinutes(30), Map.of());
        long cancelled = live.schedule(organiser, "取消的直播", "", unit, presenter, now.plusDays(1),
                now.plusDays(1).plusHours(1), "SUBTREE", unit, List.of(), null, 50);
        service.cancel(organiser, cancelled);

        // Ten minutes, half of it to attend: u1 watches six minutes live, t1 two and a half.
        long id = live.schedule(organiser, "本月的直播", "", unit, presenter, now.minusMinutes(1), now.plusMinutes(9),
                "SUBTREE", unit, List.of(), null, 50);
        live.push(organiser, id, STREAM);
        OffsetDateTime from = now.minusSeconds(5);
        live.watch(u1, id, false, 360_000, from);
        live.watch(t1, id, false, 150_000, from);

        YearMonth month = YearMonth.now();
        Scope scope = new Scope(organiser, station.unit(), List.of(team), month.minusMonths(2), month);
        // While the session is on air its viewers count, their minutes not yet.
        Awaitility.await("the viewers reach insight").atMost(Duration.ofSeconds(30)).until(() -> {
            Section s = LearningSections.build(sections, "live", scope);
            return kpi(s, "viewers").value().longValue() == 2 && kpi(s, "attended").value().longValue() == 1;
        });
        assertThat(kpi(LearningSections.build(sections, "live", scope), "hours").value()).isEqualByComparingTo("0");

        // Ended: u1's six minutes and t1's two count; then u2 watches five and a half minutes of the replay, t1 45 s.
        live.end(organiser, id);
        OffsetDateTime later = OffsetDateTime.now().minusSeconds(1);
        live.watch(u2, id, true, 330_000, later);
        live.watch(t1, id, true, 45_000, later);

        Awaitility.await("the minutes reach insight").atMost(Duration.ofSeconds(30)).until(() -> {
            Section s = LearningSections.build(sections, "live", scope);
            return kpi(s, "viewers").value().longValue() == 3 && kpi(s, "attended").value().longValue() == 2
                    && values(s, "live-children-hours", 0).getFirst().compareTo(new BigDecimal("0.1")) == 0
                    && kpi(s, "hours").value().compareTo(new BigDecimal("0.2")) == 0;
        });
        Section s = LearningSections.build(sections, "live", scope);
        // Minutes: u1 6, u2 5, t1 3 (two and a half live and 45 s of replay) = 14, 0.2 hours.
        assertThat(kpi(s, "sessions").value()).isEqualByComparingTo("1");
        assertThat(kpi(s, "sessions").previous()).isEqualByComparingTo("1");
        assertThat(kpi(s, "viewers").previous()).isEqualByComparingTo("0");
        assertThat(kpi(s, "hours").previous()).isEqualByComparingTo("0");
        assertThat(values(s, "live-trend", 0)).extracting(BigDecimal::longValue).containsExactly(0L, 0L, 1L);
        assertThat(last(s, "live-trend", 1)).isEqualByComparingTo("3");
        assertThat(last(s, "live-trend", 2)).isEqualByComparingTo("2");
        assertThat(last(s, "live-hours", 0)).isEqualByComparingTo("0.2");
        // The team held no session in the months (its one was four months ago); t1 watched.
        assertThat(values(s, "live-children", 0)).extracting(BigDecimal::longValue).containsExactly(0L);
        assertThat(values(s, "live-children", 1)).extracting(BigDecimal::longValue).containsExactly(1L);
        assertThat(jdbc.sql("SELECT value FROM insight_fact WHERE kind = ? AND source_id = ?")
                .params(LiveKinds.VIEWER, id + ":" + t1.employeeId()).query(BigDecimal.class).single())
                .isEqualByComparingTo("3");

        List<String> kept = LearningSections.rows(facts, KINDS, unit, team.id());
        assertThat(kept).isNotEmpty();
        rebuild.run();
        assertThat(LearningSections.rows(facts, KINDS, unit, team.id())).isEqualTo(kept);
    }
}
