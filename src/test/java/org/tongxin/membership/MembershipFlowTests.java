package org.tongxin.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tongxin.membership.internal.DecisionDeadline;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

@RecordApplicationEvents
class MembershipFlowTests extends IntegrationTestSupport {

    @Autowired
    MembershipService membership;
    @Autowired
    MembershipSetup setup;
    @Autowired
    ApplicationEvents events;

    Fixtures.UnitWithDepartment unit;
    Viewer applicant;
    Viewer officer;
    long officerEmployee;

    @BeforeEach
    void anEmployeeAndTheirOfficer() {
        unit = fixtures.grassroots("入会测试工会");
        OrgSetup.HrRow a = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "join.csv", List.of(a, o));
        long applicantId = fixtures.employeeId(a.employeeNo());
        officerEmployee = fixtures.employeeId(o.employeeNo());
        applicant = Fixtures.employee(fixtures.accountId(applicantId), applicantId);
        long officerAccount = fixtures.accountId(officerEmployee);
        fixtures.chair(officerAccount, unit.unit().id(), false);
        officer = Fixtures.officer(officerAccount, unit.unit().id());
    }

    private String page(String url, Viewer viewer) throws Exception {
        return mvc.perform(get(url).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long openApplication() {
        return jdbc.sql("SELECT id FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                .param(applicant.employeeId()).query(Long.class).single();
    }

    @Test
    void anEmployeeAppliesTheOfficerApprovesAndAMemberNumberIsGivenForGood() throws Exception {
        assertThat(page("/", applicant)).contains("id=\"apply-link\"");
        mvc.perform(post("/membership/apply").param("declaration", "true").with(csrf()).with(as(applicant)));
        assertThat(page("/membership/apply", applicant)).contains("id=\"application-open\"");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '新的入会申请%'")
                .param(officerEmployee).query(Long.class).single() == 1);

        assertThat(page("/membership/applications", officer)).contains("id=\"application-" + openApplication() + "\"");
        long id = openApplication();
        mvc.perform(post("/membership/applications/" + id + "/approve").with(csrf()).with(as(officer)));

        String memberNo = jdbc.sql("SELECT member_no FROM member WHERE employee_id = ?").param(applicant.employeeId())
                .query(String.class).single();
        assertThat(memberNo).matches(String.format("U%05d-\\d{5}", unit.unit().id()));
        assertThat(jdbc.sql("SELECT start_reason FROM membership_period p JOIN member m ON m.id = p.member_id "
                + "WHERE m.employee_id = ? AND p.ended_on IS NULL").param(applicant.employeeId())
                .query(String.class).single()).isEqualTo("JOINED");
        assertThat(events.stream(MemberJoined.class).filter(e -> e.employeeId() == applicant.employeeId()))
                .singleElement().satisfies(e -> assertThat(e.memberNo()).isEqualTo(memberNo));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'membership.approve' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '入会申请已通过'")
                .param(applicant.employeeId()).query(Long.class).single() == 1);
        assertThat(page("/me/card", applicant)).contains(memberNo).contains("<svg").contains("/membership/verify?t=");
        String refreshed = page("/me/card/qr", applicant);
        assertThat(refreshed).contains("id=\"card-qr\"").contains("<svg").doesNotContain("<html");
    }

    @Test
    void aDeclineNeedsAReasonThatTheApplicantSees() throws Exception {
        membership.apply(applicant, true);
        long id = openApplication();
        mvc.perform(post("/membership/applications/" + id + "/reject").param("reason", " ").with(csrf())
                .with(as(officer)));
        assertThat(jdbc.sql("SELECT status FROM membership_application WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("PENDING");

        mvc.perform(post("/membership/applications/" + id + "/reject").param("reason", "请先完成试用期")
                .with(csrf()).with(as(officer)));

        assertThat(page("/membership/apply", applicant)).contains("原因：请先完成试用期").contains("id=\"apply-form\"");
    }

    @Test
    void oneOpenApplicationAtATimeAndADeclarationIsNeeded() {
        assertThat(catchThrowableOfType(MembershipService.Refused.class,
                () -> membership.apply(applicant, false)).messageKey()).isEqualTo("membership.refused.declaration");
        membership.apply(applicant, true);
        assertThat(catchThrowableOfType(MembershipService.Refused.class,
                () -> membership.apply(applicant, true)).messageKey()).isEqualTo("membership.refused.open");
    }

    @Test
    void anOfficerOfAnotherUnitCanNeitherSeeNorDecide() throws Exception {
        membership.apply(applicant, true);
        long id = openApplication();
        Fixtures.UnitWithDepartment other = fixtures.grassroots("旁边的工会");
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());

        assertThat(page("/membership/applications", stranger)).doesNotContain("id=\"application-" + id + "\"");
        mvc.perform(post("/membership/applications/" + id + "/approve").with(csrf()).with(as(stranger)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT status FROM membership_application WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("PENDING");
    }

    @Test
    void anApplicationPastItsDeadlineGoesToTheUnitAboveOnce() {
        long id = setup.pendingApplication(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusDays(40));

        membership.escalateOverdue();
        membership.escalateOverdue();

        assertThat(jdbc.sql("SELECT escalated_to FROM membership_application WHERE id = ?").param(id)
                .query(Long.class).single()).isEqualTo(unit.unit().parentId());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '入会申请已超期%'")
                .param(officerEmployee).query(Long.class).single() == 1);
        assertThat(jdbc.sql("""
                        SELECT bool_and(urgent AND status <> 'HELD') FROM notice_outbox
                        WHERE employee_id = ? AND title LIKE '入会申请已超期%'""")
                .param(officerEmployee).query(Boolean.class).single())
                .as("an overdue decision goes out at once, whatever the quiet hours").isTrue();
    }

    @Test
    void atTheServiceWindowAnOfficerSignsSomeoneUpThenRetiresThemAndHistoryIsKept() throws Exception {
        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/join").param("declaration", "true")
                .with(csrf()).with(as(officer)));
        assertThat(jdbc.sql("SELECT channel FROM membership_application WHERE employee_id = ? AND status = 'APPROVED'")
                .param(applicant.employeeId()).query(String.class).single()).isEqualTo("SERVICE_WINDOW");

        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/end").param("reason", "RETIRED")
                .with(csrf()).with(as(officer)));
        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/end").param("reason", "LEFT")
                .with(csrf()).with(as(officer)));

        List<String> history = jdbc.sql("""
                        SELECT p.status || ' ' || p.start_reason || ' ' || coalesce(p.end_reason, 'open')
                        FROM membership_period p JOIN member m ON m.id = p.member_id WHERE m.employee_id = ? ORDER BY p.id""")
                .param(applicant.employeeId()).query(String.class).list();
        assertThat(history).containsExactly("ACTIVE JOINED RETIRED", "RETIRED RETIRED LEFT");
        assertThat(events.stream(MembershipEnded.class).filter(e -> e.employeeId() == applicant.employeeId()))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("LEFT"));

        mvc.perform(post("/membership/apply").param("declaration", "true").with(csrf()).with(as(applicant)));
        mvc.perform(post("/membership/applications/" + openApplication() + "/approve").with(csrf()).with(as(officer)));
        assertThat(jdbc.sql("SELECT count(DISTINCT member_no) FROM member WHERE employee_id = ?")
                .param(applicant.employeeId()).query(Long.class).single()).isEqualTo(1);
        assertThat(page("/me/card", applicant)).contains("id=\"periods\"").contains("退休");
    }

    @Test
    void theServiceWindowFindsOnlyTheOfficersOwnPeople() throws Exception {
        String name = jdbc.sql("SELECT name FROM employee WHERE id = ?").param(applicant.employeeId())
                .query(String.class).single();
        assertThat(page("/membership/window?q=" + name, officer)).contains("id=\"person-" + applicant.employeeId() + "\"");
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("远处的工会").unit().id());
        assertThat(page("/membership/window?q=" + name, stranger)).doesNotContain("id=\"person-");
        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/join").param("declaration", "true")
                .with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
    }

    private String currentPeriod(long employeeId) {
        return jdbc.sql("""
                        SELECT p.unit_id || ' ' || p.start_reason FROM membership_period p JOIN member m ON m.id = p.member_id
                        WHERE m.employee_id = ? AND p.ended_on IS NULL""")
                .param(employeeId).query(String.class).optional().orElse("none");
    }

    @Test
    void membershipFollowsAnHrMoveAndALeaverIsFlaggedForTheOfficer() throws Exception {
        Fixtures.UnitWithDepartment other = fixtures.grassroots("调入工会");
        OrgSetup.HrRow person = Fixtures.row(unit.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "mover.csv", List.of(person));
        long employeeId = fixtures.employeeId(person.employeeNo());
        setup.enrol(employeeId, unit.unit().id(), LocalDate.now().minusYears(2));

        orgSetup.importEmployees(admin, "moved.csv", List.of(new OrgSetup.HrRow(person.employeeNo(), person.name(),
                person.gender(), person.birthDate(), person.phone(), person.idCard(), other.departmentCode(),
                person.hireDate(), person.jobTitle(), person.status())));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> currentPeriod(employeeId).equals(other.unit().id() + " TRANSFERRED"));

        orgSetup.importEmployees(admin, "left.csv", List.of(new OrgSetup.HrRow(person.employeeNo(), person.name(),
                person.gender(), person.birthDate(), person.phone(), person.idCard(), other.departmentCode(),
                person.hireDate(), person.jobTitle(), "离职")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM membership_flag f JOIN member m ON m.id = f.member_id WHERE m.employee_id = ? "
                        + "AND f.settled_at IS NULL").param(employeeId).query(Long.class).single() == 1);
        assertThat(currentPeriod(employeeId)).isEqualTo(other.unit().id() + " TRANSFERRED");

        Viewer otherOfficer = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());
        long flagId = jdbc.sql("SELECT f.id FROM membership_flag f JOIN member m ON m.id = f.member_id "
                + "WHERE m.employee_id = ?").param(employeeId).query(Long.class).single();
        assertThat(page("/membership/applications", otherOfficer)).contains("id=\"flag-" + flagId + "\"");
        mvc.perform(post("/membership/flags/" + flagId + "/settle").param("outcome", "END").with(csrf())
                .with(as(officer))).andExpect(status().isNotFound());
        mvc.perform(post("/membership/flags/" + flagId + "/settle").param("outcome", "END").with(csrf())
                .with(as(otherOfficer)));
        assertThat(currentPeriod(employeeId)).isEqualTo("none");
    }

    @Test
    void anOfficerTransfersAMemberWithinTheirUnits() throws Exception {
        setup.enrol(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusYears(1));
        long branch = orgSetup.createUnit(unit.unit().id(), "二分会", UnitKind.BRANCH).id();

        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/transfer")
                .param("unitId", Long.toString(branch)).with(csrf()).with(as(officer)));

        assertThat(currentPeriod(applicant.employeeId())).isEqualTo(branch + " TRANSFERRED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'membership.transfer' AND summary = ?")
                .param(jdbc.sql("SELECT name FROM employee WHERE id = ?").param(applicant.employeeId())
                        .query(String.class).single()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCeremonyInvitesTheNewMembersAndRecordsWhoCame() throws Exception {
        setup.enrol(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusDays(5));
        setup.enrol(officerEmployee, unit.unit().id(), LocalDate.now().minusYears(3));

        mvc.perform(post("/membership/ceremonies").param("unitId", Long.toString(unit.unit().id()))
                .param("title", "新会员入会仪式").param("startsAt", java.time.LocalDateTime.now().plusDays(3)
                        .withNano(0).withSecond(0).toString())
                .param("place", "职工之家").with(csrf()).with(as(officer)));

        long ceremonyId = jdbc.sql("SELECT id FROM ceremony WHERE unit_id = ?").param(unit.unit().id())
                .query(Long.class).single();
        List<Long> invited = jdbc.sql("SELECT m.employee_id FROM ceremony_invitee i JOIN member m ON m.id = i.member_id "
                + "WHERE i.ceremony_id = ?").param(ceremonyId).query(Long.class).list();
        assertThat(invited).containsExactly(applicant.employeeId());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '入会仪式邀请%'")
                .param(applicant.employeeId()).query(Long.class).single() == 1);

        long memberId = jdbc.sql("SELECT id FROM member WHERE employee_id = ?").param(applicant.employeeId())
                .query(Long.class).single();
        mvc.perform(post("/membership/ceremonies/" + ceremonyId + "/attendance").param("present", Long.toString(memberId))
                .with(csrf()).with(as(officer)));
        assertThat(jdbc.sql("SELECT attended FROM ceremony_invitee WHERE ceremony_id = ?").param(ceremonyId)
                .query(Boolean.class).single()).isTrue();
        assertThat(page("/me/card", applicant)).contains("id=\"my-ceremonies\"").contains("新会员入会仪式").contains("已参加");

        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("别处工会").unit().id());
        mvc.perform(get("/membership/ceremonies/" + ceremonyId).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void aUnitSetsItsOwnDeadline() throws Exception {
        mvc.perform(post("/membership/settings").param("unitId", Long.toString(unit.unit().id())).param("days", "5")
                .with(csrf()).with(as(officer)));
        membership.apply(applicant, true);
        LocalDate due = jdbc.sql("SELECT due_on FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                .param(applicant.employeeId()).query(LocalDate.class).single();
        assertThat(due).isEqualTo(DecisionDeadline.dueOn(LocalDate.now(), 5));
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("另一个工会").unit().id());
        mvc.perform(post("/membership/settings").param("unitId", Long.toString(unit.unit().id())).param("days", "90")
                .with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void whenADepartmentMovesToAnotherUnitItsMembersFollow() throws Exception {
        setup.enrol(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusYears(1));
        long branch = orgSetup.createUnit(unit.unit().id(), "重组后分会", UnitKind.BRANCH).id();
        long department = jdbc.sql("SELECT id FROM department WHERE code = ?").param(unit.departmentCode())
                .query(Long.class).single();

        mvc.perform(post("/org/units/" + unit.unit().id() + "/departments/" + department + "/move")
                .param("toUnitId", Long.toString(branch)).with(csrf()).with(as(officer)));

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> currentPeriod(applicant.employeeId()).equals(branch + " TRANSFERRED"));
        assertThat(jdbc.sql("SELECT employees FROM unit_stats WHERE unit_id = ?").param(branch).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT employees FROM unit_stats WHERE unit_id = ?").param(unit.unit().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePhotoSentWithTheApplicationIsOnTheCardAndOnlyImagesAreTaken() throws Exception {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        mvc.perform(multipart("/membership/apply")
                .file(new MockMultipartFile("photo", "me.txt", "text/plain", "hello".getBytes()))
                .param("declaration", "true").with(csrf()).with(as(applicant)))
                .andExpect(flash()
                        .attribute("flashError", "file.notImage"));
        assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE employee_id = ?")
                .param(applicant.employeeId()).query(Long.class).single()).isZero();

        mvc.perform(multipart("/membership/apply")
                .file(new MockMultipartFile("photo", "../../etc/passwd", "image/png", png))
                .param("declaration", "true").with(csrf()).with(as(applicant)));
        mvc.perform(post("/membership/applications/" + openApplication() + "/approve").with(csrf()).with(as(officer)));

        assertThat(page("/me/card", applicant)).contains("id=\"card-photo\"");
        byte[] served = mvc.perform(get("/me/card/photo").with(as(applicant))).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png);
        mvc.perform(get("/me/card/photo").with(as(officer))).andExpect(status().isNotFound());
    }

    @Test
    void anOfficerCannotTransferAMemberIntoSomeoneElsesUnit() throws Exception {
        setup.enrol(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusYears(1));
        long elsewhere = fixtures.grassroots("别人的工会").unit().id();
        mvc.perform(post("/membership/window/" + applicant.employeeId() + "/transfer")
                .param("unitId", Long.toString(elsewhere)).with(csrf()).with(as(officer))).andExpect(status().isNotFound());
        assertThat(currentPeriod(applicant.employeeId())).isEqualTo(unit.unit().id() + " JOINED");
    }

    @Test
    void hrChangesCarryOpenApplicationsAndRetirements() {
        Fixtures.UnitWithDepartment other = fixtures.grassroots("HR调入工会");
        OrgSetup.HrRow mover = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow retiree = Fixtures.row(unit.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "hr.csv", List.of(mover, retiree));
        long moverId = fixtures.employeeId(mover.employeeNo());
        long retireeId = fixtures.employeeId(retiree.employeeNo());
        membership.apply(Fixtures.employee(0, moverId), true);
        setup.enrol(retireeId, unit.unit().id(), LocalDate.now().minusYears(20));

        orgSetup.importEmployees(admin, "hr2.csv", List.of(
                new OrgSetup.HrRow(mover.employeeNo(), mover.name(), mover.gender(), mover.birthDate(), mover.phone(),
                        mover.idCard(), other.departmentCode(), mover.hireDate(), mover.jobTitle(), mover.status()),
                new OrgSetup.HrRow(retiree.employeeNo(), retiree.name(), retiree.gender(), retiree.birthDate(),
                        retiree.phone(), retiree.idCard(), retiree.departmentCode(), retiree.hireDate(), retiree.jobTitle(),
                        "退休")));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT unit_id FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                .param(moverId).query(Long.class).single() == other.unit().id());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT p.status FROM membership_period p JOIN member m ON m.id = p.member_id
                        WHERE m.employee_id = ? AND p.ended_on IS NULL""").param(retireeId).query(String.class)
                .single().equals("RETIRED"));
        assertThat(jdbc.sql("SELECT pending FROM unit_membership_stats WHERE unit_id = ?").param(other.unit().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoOfficersEndingOneMembershipAtOnceLeaveOneConsistentHistory() throws Exception {
        setup.enrol(applicant.employeeId(), unit.unit().id(), LocalDate.now().minusYears(1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> tryEnd("DECEASED"));
            var b = pool.submit(() -> tryEnd("RETIRED"));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        long open = jdbc.sql("""
                        SELECT count(*) FROM membership_period p JOIN member m ON m.id = p.member_id
                        WHERE m.employee_id = ? AND p.ended_on IS NULL""").param(applicant.employeeId())
                .query(Long.class).single();
        assertThat(open).isLessThanOrEqualTo(1);
        String last = jdbc.sql("""
                        SELECT coalesce(p.end_reason, p.status) FROM membership_period p JOIN member m ON m.id = p.member_id
                        WHERE m.employee_id = ? ORDER BY p.id DESC LIMIT 1""").param(applicant.employeeId())
                .query(String.class).single();
        assertThat(last).isIn("DECEASED", "RETIRED");
    }

    private void tryEnd(String reason) {
        try {
            membership.endMembership(officer, applicant.employeeId(), reason);
        } catch (MembershipService.Refused alreadyDone) {
            // the other officer got there first
        }
    }
}
