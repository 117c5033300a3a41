package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.PeopleSections.figures;
import static org.tongxin.insight.PeopleSections.last;
import static org.tongxin.insight.PeopleSections.series;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tongxin.care.CareSetup;
import org.tongxin.care.internal.CareService;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.PeopleKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Care cases as insight counts them: kept from the events equal to rebuilt from care's history, and the section's
 * figures equal a hand count of a union with a branch of many cases and one of two, which is withheld.
 */
class CareInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    CareService care;
    @Autowired
    CareSetup setup;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    MessageSource messages;

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> r.startsWith(PeopleKinds.CARE_CASE + "|")).filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long u : units) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** Each employee's case as insight holds it: direction, open or closed, and its due day. */
    String held(List<Long> employees) {
        List<String> out = new ArrayList<>();
        for (long employee : employees) {
            out.add(jdbc.sql("""
                            SELECT f.category || (CASE WHEN f.ends_on IS NULL THEN ' open ' ELSE ' closed ' END)
                              || coalesce(f.due_on::text, '-')
                            FROM insight_fact f JOIN care_case c ON f.source_id = c.id::text
                            WHERE f.kind = ? AND c.employee_id = ?""")
                    .params(PeopleKinds.CARE_CASE, employee).query(String.class).optional().orElse("none"));
        }
        return String.join(", ", out);
    }

    String caseDue(long employee) {
        return jdbc.sql("SELECT first_contact_due::text FROM care_case WHERE employee_id = ?").param(employee)
                .query(String.class).single();
    }

    long caseOf(long employee) {
        return jdbc.sql("SELECT id FROM care_case WHERE employee_id = ?").param(employee).query(Long.class).single();
    }

    long moveOf(long employee) {
        return jdbc.sql("SELECT id FROM care_move WHERE employee_id = ?").param(employee).query(Long.class).single();
    }

    List<Long> employeesIn(String department, int count) {
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Fixtures.row(department));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-care.csv", rows);
        return rows.stream().map(r -> fixtures.employeeId(r.employeeNo())).toList();
    }

    OrgUnit branch(long parent, String name, String department) {
        OrgUnit unit = orgSetup.createUnit(parent, name + System.nanoTime() % 100000, UnitKind.BRANCH);
        orgSetup.createDepartment(department, name + "班组", unit.id());
        return unit;
    }

    CareService.MoveForm down(long employee) {
        return new CareService.MoveForm(employee, LocalDate.now(), "G5", "养护工区", "养护工", "G3", "", "岗位调整", null);
    }

    @Test
    void casesOpenedReclassifiedTalkedToAndClosedAreCountedTheSameLiveAndRebuiltAndSmallGroupsAreWithheld() {
        Fixtures.UnitWithDepartment union = fixtures.grassroots("关爱看板工会");
        long seed = System.nanoTime() % 1_000_000;
        OrgUnit many = branch(union.unit().id(), "关爱看板甲站", "CIA" + seed);
        OrgUnit few = branch(union.unit().id(), "关爱看板乙站", "CIB" + seed);
        List<Long> a = employeesIn("CIA" + seed, 10);
        List<Long> b = employeesIn("CIB" + seed, 2);
        Viewer hr = Fixtures.committee(fixtures.adminAccountId());
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), union.unit().id());
        LocalDate today = LocalDate.now();

        for (int i = 0; i < 5; i++) {
            care.recordMove(hr, down(a.get(i)));
        }
        care.recordMove(hr, new CareService.MoveForm(b.get(0), today, "G4", null, null, "", "EARLY_RETIREMENT",
                "提前退休", null));
        care.recordMove(hr, new CareService.MoveForm(b.get(1), today, "G4", "收费班", "收费员", "G4", "", "换岗",
                null));
        LocalDate followUp = today.plusDays(10);
        care.addNote(officer, caseOf(a.get(0)), "TALK", today, "谈心：愿意参加培训。");
        care.plan(officer, caseOf(a.get(0)), "十天后回访。", followUp);
        care.close(officer, caseOf(a.get(1)), "已适应新岗位。");
        care.reclassify(officer, moveOf(a.get(2)), "LATERAL", "岗位等级未变，收入未降。");
        care.close(officer, caseOf(b.get(0)), "已办理退休手续。");
        care.reclassify(officer, moveOf(b.get(1)), "DOWN", "换岗后失去夜班津贴，收入下降。");

        List<Long> story = List.of(a.get(0), a.get(1), a.get(2), a.get(3), b.get(0), b.get(1));
        String expected = String.join(", ", "DOWN open " + followUp, "DOWN closed -", "LATERAL open " + caseDue(a.get(2)),
                "DOWN open " + caseDue(a.get(3)), "OUT closed -", "DOWN open " + caseDue(b.get(1)));
        Awaitility.await("the cases reach insight").atMost(Duration.ofSeconds(60))
                .until(() -> held(story).equals(expected));
        long[] units = {union.unit().id(), many.id(), few.id()};
        List<String> live = rowsOf(units);
        assertThat(live).isNotEmpty();
        rebuild.run();
        assertThat(rowsOf(units)).isEqualTo(live);

        // Last month five cases opened at the first branch and nobody has talked to them since: history the rebuild
        // reads.
        YearMonth month = YearMonth.now();
        YearMonth previous = month.minusMonths(1);
        for (int i = 5; i < 10; i++) {
            setup.move(a.get(i), many.id(), previous.atDay(10), "收费站", "收费员", "G5", "G2", null, "撤并", null,
                    fixtures.adminAccountId(), null, null, null);
        }
        rebuild.run();

        InsightSection careSection = PeopleSections.named(sections, "care");
        Scope scope = new Scope(officer, union.unit(), List.of(many, few), month, month);
        assertThat(careSection.shownTo(scope)).isTrue();
        assertThat(careSection.shownTo(new Scope(Fixtures.officerWithoutCare(fixtures.adminAccountId(),
                union.unit().id()), union.unit(), List.of(), month, month))).isFalse();
        Section section = careSection.build(scope);
        assertThat(figures(section, "open")).isEqualTo("10/5");
        assertThat(figures(section, "overdue")).isEqualTo("5/null");
        assertThat(figures(section, "opened")).isEqualTo("7/5");
        assertThat(figures(section, "closed")).isEqualTo("2/0");
        assertThat(figures(section, "daysToClose")).isEqualTo("0/null");
        assertThat(last(section, "care-trend", 0)).isEqualTo("10");
        assertThat(last(section, "care-trend", 1)).isEqualTo("7");
        assertThat(last(section, "care-trend", 2)).isEqualTo("2");
        // DOWN, OUT, LATERAL, UP
        assertThat(series(section, "care-directions", 0)).containsExactly("9", "0", "1", "0");
        assertThat(series(section, "care-directions", 1)).containsExactly("5", "0", "0", "0");
        assertThat(series(section, "care-directions", 2)).containsExactly("5", "1", "1", "0");
        // The second branch's two people are fewer than five: withheld.
        assertThat(series(section, "care-children", 0)).containsExactly("9", "null");
        assertThat(series(section, "care-children", 1)).containsExactly("5", "null");
        PeopleSections.labelsExist(section, messages);

        Section small = careSection.build(new Scope(officer, few, List.of(), month, month));
        assertThat(small.kpis()).allSatisfy(k -> {
            assertThat(k.value()).isNull();
            assertThat(k.previous()).isNull();
        });
        assertThat(small.charts()).allSatisfy(c -> c.series().forEach(s -> assertThat(s.values()).containsOnlyNulls()));
    }
}
