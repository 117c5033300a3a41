package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.VoiceKinds;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * The voice module's snapshots flow into insight's read model. Identity comes in too: it provides the officers of a
 * unit ({@code org.UnitOfficers}) that voice and rights need, yet no module depends on it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class VoiceInsightModuleTests {

    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    Evaluations evaluations;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    MembershipSetup membership;
    @Autowired
    Figures figures;
    @Autowired
    JdbcClient jdbc;

    /** A fresh unit with {@code n} members. */
    private List<Long> members(OrgUnit unit, String department, int n) {
        orgSetup.createDepartment(department, department + "部门", unit.id());
        List<OrgSetup.HrRow> rows = java.util.stream.IntStream.range(0, n).mapToObj(i -> Fixtures.row(department))
                .toList();
        orgSetup.importEmployees(Fixtures.admin(1), "insight-module.csv", rows);
        List<Long> ids = org.employeeIdsByNumber(rows.stream().map(OrgSetup.HrRow::employeeNo).toList()).values()
                .stream().sorted().toList();
        ids.forEach(id -> membership.enrol(id, unit.id(), LocalDate.now().minusYears(1)));
        return ids;
    }

    private long started(String kind, String category, long unit) {
        YearMonth now = YearMonth.now();
        return figures.rollup(List.of(kind), List.of(unit), now).flow(kind, category, unit, now, now).started();
    }

    @Test
    void aSubmittedSuggestionIsCountedInItsUnit(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "建议看板模块工会" + System.nanoTime(), UnitKind.COMPANY_UNION);
        long employee = members(unit, "VIM" + System.nanoTime() % 100_000, 1).getFirst();

        scenario.stimulate(() -> suggestions.submit(Fixtures.employee(1, employee),
                        new SuggestionScheme.Draft("看板模块建议", "现状", "办法", "", false)))
                .andWaitForStateChange(() -> started(VoiceKinds.SUGGESTION, "SUBMITTED", unit.id()), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aRoundOpenedCountsItsOfficers(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "评议看板模块工会" + System.nanoTime(), UnitKind.COMPANY_UNION);
        long chair = members(unit, "EIM" + System.nanoTime() % 100_000, 1).getFirst();
        jdbc.sql("INSERT INTO account (employee_id) VALUES (?)").param(chair).update();
        jdbc.sql("""
                        INSERT INTO role_grant (account_id, role, unit_id, post)
                        SELECT id, 'OFFICER', ?, '主席' FROM account WHERE employee_id = ?""")
                .params(unit.id(), chair).update();
        Viewer organiser = Fixtures.officer(1, unit.id());

        scenario.stimulate(() -> evaluations.create(organiser, unit.id(), "看板模块评议", List.of("作风"),
                        LocalDate.now(), LocalDate.now().plusDays(7)))
                .andWaitForStateChange(() -> started(VoiceKinds.EVAL_BALLOTS, null, unit.id()), n -> n > 0)
                .andVerify(n -> assertThat(n).as("one officer evaluated").isEqualTo(1));
    }
}
