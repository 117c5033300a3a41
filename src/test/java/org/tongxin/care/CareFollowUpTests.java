package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.tongxin.care.internal.CareReminders;
import org.tongxin.care.internal.CareService;
import org.tongxin.care.internal.MoveImport;
import org.tongxin.care.internal.Projects;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * HR's file of moves, officers correcting classifications, case owners and follow-up plans, the receiving
 * unit, and the restructuring project page, on a small tree of its own: a management centre with two
 * stations, an officer with the care right at each and at the centre.
 */
class CareFollowUpTests extends IntegrationTestSupport {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String HEADER = "工号,变动日期,原职级,新部门,新岗位,新职级,离开方式,变动原因,重组项目\n";

    @Autowired
    MoveImport moveImport;
    @Autowired
    CareService care;
    @Autowired
    CareReminders reminders;
    @Autowired
    Projects projects;

    OrgUnit centre;
    OrgUnit stationA;
    OrgUnit stationB;
    String deptA;
    String deptB;
    OrgSetup.HrRow down;
    OrgSetup.HrRow up;
    OrgSetup.HrRow leaver;
    Viewer officerA;
    Viewer officerB;
    Viewer centreOfficer;
    long officerAEmployee;
    long centreEmployee;
    Viewer committee;
    String projectName;

    @BeforeEach
    void aCentreWithTwoStations() {
        int n = SERIAL.incrementAndGet();
        centre = orgSetup.createUnit(null, "跟进管理中心" + n + "-" + System.nanoTime() % 10000, UnitKind.COMPANY_UNION);
        stationA = orgSetup.createUnit(centre.id(), "跟进甲站" + n, UnitKind.GRASSROOTS_UNION);
        stationB = orgSetup.createUnit(centre.id(), "跟进乙站" + n, UnitKind.GRASSROOTS_UNION);
        deptA = "FA" + n + "-" + System.nanoTime() % 100000;
        deptB = "FB" + n + "-" + System.nanoTime() % 100000;
        orgSetup.createDepartment(deptA, "甲站收费班", stationA.id());
        orgSetup.createDepartment(deptB, "乙站养护工区", stationB.id());
        String deptCentre = "FC" + n + "-" + System.nanoTime() % 100000;
        orgSetup.createDepartment(deptCentre, "中心办公室", centre.id());
        down = Fixtures.row(deptA);
        up = Fixtures.row(deptA);
        leaver = Fixtures.row(deptA);
        OrgSetup.HrRow chairA = Fixtures.row(deptA);
        OrgSetup.HrRow chairB = Fixtures.row(deptB);
        OrgSetup.HrRow chairCentre = Fixtures.row(deptCentre);
        committee = Fixtures.committee(fixtures.adminAccountId());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "follow-up.csv",
                List.of(down, up, leaver, chairA, chairB, chairCentre));
        officerAEmployee = fixtures.employeeId(chairA.employeeNo());
        centreEmployee = fixtures.employeeId(chairCentre.employeeNo());
        officerA = carer(chairA, stationA);
        officerB = carer(chairB, stationB);
        centreOfficer = carer(chairCentre, centre);
        projectName = "甲乙站撤并" + n + "-" + System.nanoTime() % 10000;
        projects.create(committee, projectName, "CLOSURE", LocalDate.now().minusDays(3), "测试");
    }

    private Viewer carer(OrgSetup.HrRow row, OrgUnit unit) {
        long account = fixtures.accountId(fixtures.employeeId(row.employeeNo()));
        fixtures.chair(account, unit.id(), true);
        return Fixtures.officer(account, unit.id());
    }

    private MoveImport.Outcome importFile(String body) {
        return moveImport.importFile(committee, "moves.csv", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    private long moves(OrgSetup.HrRow row) {
        return jdbc.sql("SELECT count(*) FROM care_move WHERE employee_id = ?")
                .param(fixtures.employeeId(row.employeeNo())).query(Long.class).single();
    }

    private long caseOf(OrgSetup.HrRow row) {
        return jdbc.sql("SELECT id FROM care_case WHERE employee_id = ?").param(fixtures.employeeId(row.employeeNo()))
                .query(Long.class).single();
    }

    private String goodFile() {
        String today = LocalDate.now().toString();
        String typed = LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy/M/d"));
        return down.employeeNo() + "," + typed + ",G4," + deptB + ",养护工,G2,,收费站撤并," + projectName + "\n"
                + up.employeeNo() + "," + today + ",G3,甲站收费班,班组长,G4,,竞聘上岗,\n"
                + leaver.employeeNo() + "," + today + ",G4,,,,内退,收费站撤并," + projectName + "\n";
    }

    @Test
    void aFileWithAnyProblemRecordsNothingAndNamesEveryRow() {
        String today = LocalDate.now().toString();
        MoveImport.Outcome outcome = importFile(down.employeeNo() + "," + today + ",G4," + deptB + ",养护工,G2,,撤并,\n"
                + up.employeeNo() + "," + today + ",G9,甲站收费班,班组长,G4,,竞聘,\n"
                + "NOBODY1," + today + ",G4,,,,内退,撤并,\n"
                + leaver.employeeNo() + ",昨天,G4,,,,退休,撤并,没有的项目\n"
                + down.employeeNo() + "," + today + ",G4," + deptB + ",养护工,G2,,撤并,\n");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.problems()).extracting(MoveImport.Problem::line, MoveImport.Problem::messageKey)
                .contains(tuple(3, "care.import.grade"),
                        tuple(4, "care.move.unknownEmployee"),
                        tuple(5, "import.error.date"),
                        tuple(5, "care.import.exitType"),
                        tuple(5, "care.project.unknown"),
                        tuple(6, "care.import.duplicate"));
        assertThat(moves(down) + moves(up) + moves(leaver)).isZero();

        MoveImport.Outcome missing = moveImport.importFile(committee, "moves.csv",
                "工号,变动日期\n1,2026-01-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.messageKey()).isEqualTo("import.file.missingColumns");
            assertThat(p.value()).contains("原职级").contains("变动原因");
        });
    }

    @Test
    void aGoodFileRecordsEveryMoveTellsTheReceivingUnitAndLetsItReadTheCase() throws Exception {
        mvc.perform(multipart("/care/moves/import").file("file", goodFile().getBytes(StandardCharsets.UTF_8))
                .with(csrf()).with(as(officerA))).andExpect(status().isForbidden());
        assertThat(moves(down)).isZero();

        mvc.perform(multipart("/care/moves/import")
                .file(new MockMultipartFile("file", "moves.csv", "text/csv",
                        (HEADER + goodFile()).getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(as(committee))).andExpect(status().is3xxRedirection());
        assertThat(moves(down) + moves(up) + moves(leaver)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM care_case WHERE employee_id IN (?, ?, ?)")
                .params(fixtures.employeeId(down.employeeNo()), fixtures.employeeId(up.employeeNo()),
                        fixtures.employeeId(leaver.employeeNo())).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT to_unit_id FROM care_move WHERE employee_id = ?")
                .param(fixtures.employeeId(down.employeeNo())).query(Long.class).single()).isEqualTo(stationB.id());
        assertThat(jdbc.sql("SELECT r.name FROM care_move m JOIN restructuring r ON r.id = m.project_id WHERE m.employee_id = ?")
                .param(fixtures.employeeId(leaver.employeeNo())).query(String.class).single()).isEqualTo(projectName);

        long chairB = jdbc.sql("SELECT employee_id FROM account WHERE id = ?").param(officerB.accountId())
                .query(Long.class).single();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '%将调入本单位'")
                .param(chairB).query(Long.class).single() == 1);
        long caseId = caseOf(down);
        mvc.perform(get("/care/cases/" + caseId).with(as(officerB))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/care/cases").with(as(officerB))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/care/cases/" + caseId);
        // The leaver's case stays with the station they left.
        mvc.perform(get("/care/cases/" + caseOf(leaver)).with(as(officerB))).andExpect(status().isNotFound());

        // The same file again (a double submit, a second upload) records nothing more.
        MoveImport.Outcome again = importFile(goodFile());
        assertThat(again.problems()).extracting(MoveImport.Problem::messageKey).containsOnly("care.move.duplicate");
        assertThat(moves(down) + moves(up) + moves(leaver)).isEqualTo(3);
    }

    @Test
    void theReceivingUnitReadsTheCaseOnlyFromTheDayOfTheMove() throws Exception {
        importFile(down.employeeNo() + "," + LocalDate.now().plusDays(30) + ",G4," + deptB + ",养护工,G2,,撤并,\n");
        long caseId = caseOf(down);
        mvc.perform(get("/care/cases/" + caseId).with(as(officerB))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/care/cases").with(as(officerB))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/care/cases/" + caseId);
        jdbc.sql("UPDATE care_move SET moved_on = ? WHERE employee_id = ?")
                .params(LocalDate.now(), fixtures.employeeId(down.employeeNo())).update();
        mvc.perform(get("/care/cases/" + caseId).with(as(officerB))).andExpect(status().isOk());
    }

    @Test
    void anOfficerCorrectsAMoveUpToDownAndACaseOpensAtTheUnitTheyLeft() throws Exception {
        importFile(goodFile());
        // HR's employee file has already put the person in station B when the officer looks again.
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "moved.csv", List.of(
                new OrgSetup.HrRow(up.employeeNo(), up.name(), up.gender(), up.birthDate(), up.phone(), up.idCard(),
                        deptB, up.hireDate(), "班组长", up.status())));
        long moveId = jdbc.sql("SELECT id FROM care_move WHERE employee_id = ?")
                .param(fixtures.employeeId(up.employeeNo())).query(Long.class).single();
        assertThatThrownBy(() -> care.reclassify(officerA, moveId, "DOWN", " "))
                .isInstanceOf(Refusal.class).hasMessage("care.reclassify.incomplete");
        assertThatThrownBy(() -> care.reclassify(officerA, moveId, "OUT", "离开"))
                .isInstanceOf(Refusal.class).hasMessage("care.reclassify.out");
        assertThatThrownBy(() -> care.reclassify(officerB, moveId, "DOWN", "越权"))
                .isInstanceOf(OutOfScopeException.class);

        care.reclassify(officerA, moveId, "DOWN", "名为班组长，实际失去夜班津贴，收入下降");
        assertThat(jdbc.sql("SELECT original_direction || '>' || direction FROM care_move WHERE id = ?")
                .param(moveId).query(String.class).single()).isEqualTo("UP>DOWN");
        assertThat(jdbc.sql("SELECT unit_id FROM care_case WHERE move_id = ?").param(moveId).query(Long.class)
                .single()).isEqualTo(stationA.id());
        assertThat(jdbc.sql("SELECT reclassify_note_enc FROM care_move WHERE id = ?").param(moveId)
                .query(String.class).single()).doesNotContain("津贴");
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'care.move.reclassify' AND target_id = ?")
                .param(Long.toString(moveId)).query(String.class).single()).contains("DOWN").doesNotContain("津贴");
        String page = mvc.perform(get("/care/moves/" + moveId).with(as(officerA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("实际失去夜班津贴");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'care.move.view' AND target_id = ?")
                .param(Long.toString(moveId)).query(Long.class).single()).isOne();
    }

    @Test
    void aCaseGetsAnOwnerAndAPlanAndAMissedFollowUpGoesUpTheChainOnce() throws Exception {
        importFile(goodFile());
        long caseId = caseOf(down);
        assertThatThrownBy(() -> care.assign(officerA, caseId, fixtures.employeeId(up.employeeNo())))
                .isInstanceOf(Refusal.class).hasMessage("care.case.ownerNotCarer");
        care.assign(officerA, caseId, centreEmployee);
        assertThat(jdbc.sql("SELECT owner_employee_id FROM care_case WHERE id = ?").param(caseId).query(Long.class)
                .single()).isEqualTo(centreEmployee);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ? AND title = '请跟进一个关怀案例'")
                .params(centreEmployee, "/care/cases/" + caseId).query(Long.class).single() == 1);

        assertThatThrownBy(() -> care.plan(officerA, caseId, "回访", LocalDate.now()))
                .isInstanceOf(Refusal.class).hasMessage("care.plan.incomplete");
        care.plan(officerA, caseId, "每两周回访，关注培训报名", LocalDate.now().plusDays(14));
        assertThat(jdbc.sql("SELECT plan_enc FROM care_case WHERE id = ?").param(caseId).query(String.class)
                .single()).doesNotContain("回访");
        assertThat(care.view(officerA, caseId).plan()).isEqualTo("每两周回访，关注培训报名");

        // The first talk was made; the follow-up date then passes without a talk.
        care.addNote(officerA, caseId, "TALK", LocalDate.now(), "首次谈话");
        care.plan(officerA, caseId, "两周后回访", LocalDate.now().plusDays(14));
        jdbc.sql("UPDATE care_case SET follow_up_due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), caseId)
                .update();
        assertThat(care.escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(care.escalateOverdue()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ? AND title = '关怀案例回访已超期'")
                .params(centreEmployee, "/care/cases/" + caseId).query(Long.class).single() == 1);

        assertThat(jdbc.sql("SELECT bool_and(urgent) FROM notice_outbox WHERE link = ? AND title = '关怀案例回访已超期'")
                .param("/care/cases/" + caseId).query(Boolean.class).single())
                .as("an escalation goes out at once, whatever the quiet hours").isTrue();

        for (OrgUnit unit : List.of(stationA, centre)) {
            String page = mvc.perform(get("/org/units/" + unit.id()).with(as(centreOfficer))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"care-panel\"").containsPattern("id=\"care-overdue\"[^>]*>1<");
        }
        assertThat(mvc.perform(get("/org/units/" + stationA.id()).with(as(Fixtures.officerWithoutCare(
                officerA.accountId(), stationA.id())))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("care-panel");

        care.addNote(officerA, caseId, "COUNSELLING", LocalDate.now(), "疏导");
        assertThat(jdbc.sql("SELECT follow_up_due IS NULL FROM care_case WHERE id = ?").param(caseId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void shortlyBeforeAFirstTalkOrAFollowUpFallsDueItsHolderIsRemindedOnceHoweverManyNodesRun() throws Exception {
        importFile(goodFile());
        LocalDate nextWorkingDay = WorkingDays.after(LocalDate.now(), 1);
        // Owned by the centre's officer, its first talk due on the next working day.
        long owned = caseOf(down);
        care.assign(officerA, owned, centreEmployee);
        jdbc.sql("UPDATE care_case SET first_contact_due = ? WHERE id = ?").params(nextWorkingDay, owned).update();
        // Nobody's own: the first talk was held and the follow-up falls on the next working day.
        long unowned = caseOf(leaver);
        care.addNote(officerA, unowned, "TALK", LocalDate.now(), "首次谈话");
        care.plan(officerA, unowned, "下周回访", nextWorkingDay);

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return reminders.remindDue();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }
        reminders.remindDue();
        String firstTalk = "关怀案例首次谈话即将到期";
        String followUp = "关怀案例回访即将到期";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> told(centreEmployee, owned, firstTalk) == 1
                && told(officerAEmployee, unowned, followUp) == 1);
        Thread.sleep(500);
        assertThat(told(centreEmployee, owned, firstTalk)).as("one reminder, not one per node").isEqualTo(1);
        assertThat(told(officerAEmployee, unowned, followUp)).isEqualTo(1);
        assertThat(told(officerAEmployee, owned, firstTalk)).as("the owner holds the case").isZero();
        assertThat(told(centreEmployee, unowned, followUp)).as("the unit's own carer holds it").isZero();
        assertThat(jdbc.sql("SELECT bool_or(urgent) FROM notice_outbox WHERE link = ? AND title = ?")
                .params("/care/cases/" + owned, firstTalk).query(Boolean.class).single()).isFalse();

        // Another date (today's, set by hand) is reminded again.
        jdbc.sql("UPDATE care_case SET follow_up_due = ? WHERE id = ?").params(LocalDate.now(), unowned).update();
        reminders.remindDue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> told(officerAEmployee, unowned, followUp) == 2);
    }

    private long told(long employeeId, long caseId, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND link = ? AND title = ?")
                .params(employeeId, "/care/cases/" + caseId, title).query(Long.class).single();
    }

    @Test
    void aUnitWithoutCareOfficersHasItsOverdueCaseToldOnceToTheUnitAbove() {
        OrgUnit crew = orgSetup.createUnit(stationA.id(), "无干部班组" + SERIAL.incrementAndGet(), UnitKind.GROUP);
        String deptCrew = "FG" + SERIAL.get() + "-" + System.nanoTime() % 100000;
        orgSetup.createDepartment(deptCrew, "班组", crew.id());
        OrgSetup.HrRow worker = Fixtures.row(deptCrew);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "crew.csv", List.of(worker));
        assertThat(importFile(worker.employeeNo() + "," + LocalDate.now() + ",G4,甲站收费班,收费员,G2,,撤并,\n").ok())
                .isTrue();
        long caseId = caseOf(worker);
        jdbc.sql("UPDATE care_case SET first_contact_due = ? WHERE id = ?").params(LocalDate.now().minusDays(2), caseId)
                .update();
        care.escalateOverdue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ? AND title = '关怀案例首次谈话已超期'")
                .param("/care/cases/" + caseId).query(Long.class).single() >= 1);
        // Not a second copy through the parent: the crew's notice already reached station A's care officer.
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ? AND title = '关怀案例首次谈话已超期'")
                .params(officerAEmployee, "/care/cases/" + caseId).query(Long.class).single() == 1);
    }

    @Test
    void theProjectPageShowsTheCommitteeEveryUnitAndAnOfficerOnlyTheirs() throws Exception {
        importFile(goodFile());
        long projectId = jdbc.sql("SELECT id FROM restructuring WHERE name = ?").param(projectName)
                .query(Long.class).single();

        Projects.Report all = projects.report(committee, projectId);
        assertThat(all.units()).extracting(Projects.UnitLine::unitId).containsExactly(stationA.id());
        assertThat(all.total().moves("DOWN")).isEqualTo(1);
        assertThat(all.total().moves("OUT")).isEqualTo(1);
        assertThat(all.total().open()).isEqualTo(2);
        assertThat(all.openCases()).hasSize(2);

        String page = mvc.perform(get("/care/projects/" + projectId).with(as(centreOfficer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(stationA.name()).contains(down.name());
        mvc.perform(get("/care/projects/" + projectId).with(as(officerB))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/care/projects").with(as(officerB))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(projectName);
        // An admin sees the figures, not the names.
        assertThat(projects.report(Fixtures.admin(fixtures.adminAccountId()), projectId).openCases()).isEmpty();
    }
}
