package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.care.internal.AidService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Hardship aid: applying, the chain of decisions, payment and totals, and who may see what. A toll station
 * sits under a grassroots union, which sits under the company union at the top of the tree.
 */
class AidTests extends IntegrationTestSupport {

    static final byte[] PDF = "%PDF-1.4\n住院证明\n%%EOF".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};
    static final String SITUATION = "母亲住院做心脏搭桥手术，自付医药费三万元，家中仅本人有收入";

    @Autowired
    AidService aid;
    @Autowired
    CareSetup setup;

    Fixtures.UnitWithDepartment union;
    OrgUnit station;
    OrgSetup.HrRow applicantRow;
    long applicant;
    long peer;
    long stationChair;
    Viewer employee;
    Viewer stationOfficer;
    Viewer unionOfficer;
    Viewer committee;

    @BeforeEach
    void aStationUnderAGrassrootsUnion() {
        union = fixtures.grassroots("帮扶测试工会");
        station = orgSetup.createUnit(union.unit().id(), "帮扶测试收费站" + System.nanoTime() % 100000, UnitKind.BRANCH);
        String code = "AID" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "收费站站务", station.id());
        applicantRow = Fixtures.row(code);
        OrgSetup.HrRow peerRow = Fixtures.row(code);
        OrgSetup.HrRow chairRow = Fixtures.row(code);
        OrgSetup.HrRow unionChairRow = Fixtures.row(union.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "aid.csv",
                List.of(applicantRow, peerRow, chairRow, unionChairRow));
        applicant = fixtures.employeeId(applicantRow.employeeNo());
        peer = fixtures.employeeId(peerRow.employeeNo());
        stationChair = fixtures.employeeId(chairRow.employeeNo());
        employee = Fixtures.employee(fixtures.accountId(applicant), applicant);
        long chairAccount = fixtures.accountId(stationChair);
        fixtures.chair(chairAccount, station.id(), true);
        stationOfficer = Fixtures.officer(chairAccount, station.id());
        unionOfficer = Fixtures.officer(fixtures.accountId(fixtures.employeeId(unionChairRow.employeeNo())),
                union.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    private long apply(Viewer who) {
        return aid.applyForSelf(who, new AidService.AidForm("ILLNESS", "3000", SITUATION),
                List.of(new AidService.Upload("诊断证明.pdf", PDF)));
    }

    private MockMultipartHttpServletRequestBuilder form(String path, String category, String amount, String situation) {
        return (MockMultipartHttpServletRequestBuilder) multipart(path).param("category", category)
                .param("amount", amount).param("situation", situation).with(csrf());
    }

    private String page(String path, Viewer viewer) throws Exception {
        return mvc.perform(get(path).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String statusAndStep(long aidId) {
        return jdbc.sql("SELECT status || ' ' || coalesce(current_unit_id::text, 'committee') FROM care_aid WHERE id = ?")
                .param(aidId).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long fileOf(long aidId) {
        return count("SELECT min(id) FROM care_aid_file WHERE aid_id = ?", aidId);
    }

    private static Viewer officerWhoIsEmployee(long accountId, long employeeId, long unitId) {
        return new Viewer(accountId, employeeId, "officer-employee", Set.of(Role.EMPLOYEE, Role.OFFICER, Role.CARE),
                Set.of(unitId), Set.of(unitId), false);
    }

    @Test
    void anEmployeeAppliesWithEvidenceAndTheStationsCarerIsTold() throws Exception {
        mvc.perform(form("/care/aid/mine", "ILLNESS", "3000", SITUATION)
                        .file(new MockMultipartFile("files", "诊断证明.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "票据.png", "image/png", PNG))
                        .with(as(employee)))
                .andExpect(status().is3xxRedirection());
        long aidId = count("SELECT id FROM care_aid WHERE employee_id = ?", applicant);
        assertThat(statusAndStep(aidId)).isEqualTo("SUBMITTED " + station.id());
        assertThat(count("SELECT year FROM care_aid WHERE id = ?", aidId)).isEqualTo(LocalDate.now().getYear());
        assertThat(jdbc.sql("SELECT media_type FROM care_aid_file WHERE aid_id = ? ORDER BY position").param(aidId)
                .query(String.class).list()).containsExactly("application/pdf", "image/png");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?", stationChair, "/care/aid/" + aidId) == 1);

        String mine = page("/care/aid/mine", employee);
        assertThat(mine).contains(SITUATION).contains("诊断证明.pdf").contains("票据.png")
                .contains("/care/aid/" + aidId + "/files/" + fileOf(aidId)).contains("帮扶测试收费站");
        MockHttpServletResponse download = mvc.perform(get("/care/aid/" + aidId + "/files/" + fileOf(aidId))
                .with(as(employee))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("inline").contains("filename*=UTF-8''");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'care.aid.file' AND target_id = ?",
                Long.toString(aidId))).isEqualTo(1);
    }

    @Test
    void anOfficerAppliesOnBehalfOfSomeoneInTheirUnitsOnly() throws Exception {
        String done = mvc.perform(form("/care/aid", "FAMILY", "1500.50", "家中遭遇火灾").param("employeeNo", applicantRow.employeeNo())
                .with(as(stationOfficer))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long aidId = count("SELECT id FROM care_aid WHERE employee_id = ?", applicant);
        assertThat(done).isEqualTo("/care/aid/" + aidId);
        assertThat(jdbc.sql("SELECT applied_by || ' ' || amount_asked FROM care_aid WHERE id = ?").param(aidId)
                .query(String.class).single()).isEqualTo(stationOfficer.accountId() + " 1500.50");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '工会已为您提交困难帮扶申请'", applicant) == 1);

        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("旁人帮扶工会").unit().id());
        Viewer withoutCare = Fixtures.officerWithoutCare(fixtures.accountId(peer), station.id());
        for (Viewer outsider : List.of(stranger, withoutCare)) {
            String refused = mvc.perform(form("/care/aid", "FAMILY", "1000", "越权代申请").param("employeeNo", applicantRow.employeeNo())
                    .with(as(outsider))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("您负责的组织中没有这个工号的职工");
        }
        assertThat(count("SELECT count(*) FROM care_aid WHERE employee_id = ?", applicant)).isEqualTo(1);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndSavesNothing() throws Exception {
        List<MockMultipartHttpServletRequestBuilder> refused = new ArrayList<>(List.of(
                form("/care/aid/mine", "ILLNESS", "0", SITUATION),
                form("/care/aid/mine", "ILLNESS", "100000.01", SITUATION),
                form("/care/aid/mine", "ILLNESS", "12.345", SITUATION),
                form("/care/aid/mine", "ILLNESS", "3000", "  "),
                form("/care/aid/mine", "LOTTERY", "3000", SITUATION),
                form("/care/aid/mine", "ILLNESS", "3000", SITUATION)
                        .file(new MockMultipartFile("files", "证明.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "诊断.pdf", "application/pdf",
                                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))));
        MockMultipartHttpServletRequestBuilder sixFiles = form("/care/aid/mine", "ILLNESS", "3000", SITUATION);
        for (int i = 0; i < 6; i++) {
            sixFiles.file(new MockMultipartFile("files", i + ".pdf", "application/pdf", PDF));
        }
        refused.add(sixFiles);
        long files = count("SELECT count(*) FROM care_aid_file");
        for (MockMultipartHttpServletRequestBuilder request : refused) {
            String page = mvc.perform(request.with(as(employee))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"flash-error\"");
        }
        assertThat(count("SELECT count(*) FROM care_aid WHERE employee_id = ?", applicant)).isZero();
        assertThat(count("SELECT count(*) FROM care_aid_file")).isEqualTo(files);

        String notAPdf = mvc.perform(form("/care/aid/mine", "ILLNESS", "3000", SITUATION)
                .file(new MockMultipartFile("files", "诊断.pdf", "application/pdf", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .with(as(employee))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notAPdf).contains("只能上传 JPEG、PNG、WebP 格式的照片或 PDF 文件").contains(SITUATION)
                .contains("value=\"3000\"");
    }

    @Test
    void theChainRunsFromTheStationToTheUnionAndEndsWithTheCommittee() throws Exception {
        long aidId = apply(employee);
        aid.review(stationOfficer, aidId, "APPROVE", "2500", "家访属实");
        assertThat(statusAndStep(aidId)).isEqualTo("IN_REVIEW " + union.unit().id());
        assertThatThrownBy(() -> aid.review(stationOfficer, aidId, "APPROVE", "2500", "再次同意"))
                .isInstanceOf(Refusal.class).hasMessage("care.aid.reviewedBefore");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'care.aid.review' AND target_id = ?",
                Long.toString(aidId))).isEqualTo(1);

        aid.review(unionOfficer, aidId, "APPROVE", "2500", "同意");
        assertThat(statusAndStep(aidId)).isEqualTo("IN_REVIEW committee");
        String waiting = page("/care/aid?waiting=true", committee);
        assertThat(waiting).contains("/care/aid/" + aidId + "\"");

        mvc.perform(post("/care/aid/" + aidId + "/review").param("decision", "APPROVE").param("amount", "2000")
                .param("comment", "按标准批准").with(csrf()).with(as(committee))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status || ' ' || amount_approved FROM care_aid WHERE id = ?").param(aidId)
                .query(String.class).single()).isEqualTo("APPROVED 2000.00");
        assertThat(count("SELECT count(*) FROM care_aid_review WHERE aid_id = ?", aidId)).isEqualTo(3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '困难帮扶申请已批准'", applicant) == 1);
        assertThat(page("/care/aid/mine", employee)).contains("已批准").contains("同意 ¥2,500.00")
                .contains("同意 ¥2,000.00").contains("工会委员会");
    }

    @Test
    void anOfficerHigherUpSpeaksForEveryLevelUpToTheirOwnAndNeverDecidesTwice() {
        long aidId = apply(employee);
        aid.review(unionOfficer, aidId, "APPROVE", "3000", "");
        assertThat(statusAndStep(aidId)).isEqualTo("IN_REVIEW committee");
        assertThatThrownBy(() -> aid.review(unionOfficer, aidId, "APPROVE", "3000", ""))
                .hasMessage("care.aid.reviewedBefore");
        assertThatThrownBy(() -> aid.review(stationOfficer, aidId, "DECLINE", "", "不同意"))
                .hasMessage("care.aid.notYourStep");
    }

    @Test
    void anApprovalAboveTheAmountAskedOrOfOnesOwnApplicationIsRefused() {
        long aidId = apply(employee);
        assertThatThrownBy(() -> aid.review(stationOfficer, aidId, "APPROVE", "3000.01", ""))
                .hasMessage("care.aid.amountAboveAsked");
        assertThatThrownBy(() -> aid.review(stationOfficer, aidId, "APPROVE", "", ""))
                .hasMessage("care.aid.amountInvalid");
        assertThatThrownBy(() -> aid.review(stationOfficer, aidId, "MAYBE", "100", ""))
                .hasMessage("care.aid.chooseDecision");
        Viewer chairAsApplicant = officerWhoIsEmployee(stationOfficer.accountId(), stationChair, station.id());
        long own = apply(Fixtures.employee(stationOfficer.accountId(), stationChair));
        assertThatThrownBy(() -> aid.review(chairAsApplicant, own, "APPROVE", "3000", ""))
                .hasMessage("care.aid.ownApplication");
        assertThat(count("SELECT count(*) FROM care_aid_review WHERE aid_id IN (?, ?)", aidId, own)).isZero();
    }

    @Test
    void aDeclineEndsItAndTheApplicantReadsTheReasonButNotTheOfficersNotes() throws Exception {
        long aidId = apply(employee);
        aid.review(stationOfficer, aidId, "APPROVE", "3000", "内部意见：家访属实");
        assertThatThrownBy(() -> aid.review(unionOfficer, aidId, "DECLINE", "", " "))
                .hasMessage("care.aid.reasonRequired");
        aid.review(unionOfficer, aidId, "DECLINE", "", "家庭人均收入高于当地困难职工标准");
        assertThat(statusAndStep(aidId)).isEqualTo("DECLINED committee");
        assertThatThrownBy(() -> aid.review(committee, aidId, "APPROVE", "3000", ""))
                .hasMessage("care.aid.decided");

        String mine = page("/care/aid/mine", employee);
        assertThat(mine).contains("未批准").contains("原因：家庭人均收入高于当地困难职工标准")
                .doesNotContain("内部意见").doesNotContain("officer-");
        String officers = page("/care/aid/" + aidId, committee);
        assertThat(officers).contains("内部意见：家访属实").contains("officer-" + station.id());
        assertThat(jdbc.sql("SELECT string_agg(comment_enc, ' ') FROM care_aid_review WHERE aid_id = ?").param(aidId)
                .query(String.class).single()).doesNotContain("家访").doesNotContain("收入");
    }

    @Test
    void approvedAidIsPaidOnceNoMoreThanApprovedAndTheApplicantIsTold() throws Exception {
        long aidId = apply(employee);
        assertThatThrownBy(() -> aid.pay(stationOfficer, aidId, LocalDate.now(), "100", "CASH"))
                .hasMessage("care.aid.notApproved");
        aid.review(committee, aidId, "APPROVE", "2000", "");
        assertThatThrownBy(() -> aid.pay(stationOfficer, aidId, LocalDate.now(), "2000.01", "CASH"))
                .hasMessage("care.aid.amountAboveApproved");
        assertThatThrownBy(() -> aid.pay(stationOfficer, aidId, LocalDate.now().plusDays(1), "2000", "CASH"))
                .hasMessage("care.aid.payIncomplete");
        assertThatThrownBy(() -> aid.pay(stationOfficer, aidId, LocalDate.now(), "2000", "CHEQUE"))
                .hasMessage("care.aid.payIncomplete");
        mvc.perform(post("/care/aid/" + aidId + "/payment").param("paidOn", LocalDate.now().toString())
                .param("amount", "2000").param("method", "TRANSFER").with(csrf()).with(as(stationOfficer)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status || ' ' || amount_paid || ' ' || pay_method FROM care_aid WHERE id = ?")
                .param(aidId).query(String.class).single()).isEqualTo("PAID 2000.00 TRANSFER");
        assertThatThrownBy(() -> aid.pay(stationOfficer, aidId, LocalDate.now(), "2000", "CASH"))
                .hasMessage("care.aid.notApproved");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '困难帮扶款已发放'", applicant) == 1);
        assertThat(page("/care/aid/mine", employee)).contains("已发放 ¥2,000.00，转账");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'care.aid.pay' AND target_id = ?",
                Long.toString(aidId))).isEqualTo(1);
    }

    @Test
    void yearlyTotalsAddUpPerPersonAndSubUnitAndShowNoOneOutsideTheScope() throws Exception {
        int year = LocalDate.now().getYear();
        LocalDate early = LocalDate.of(year, 1, 10);
        long chairAccount = stationOfficer.accountId();
        long committeeAccount = committee.accountId();
        var approve = CareSetup.AidDecision.approval(committeeAccount, "委员", true, "3000", "同意");
        setup.aid(applicant, station.id(), early, "ILLNESS", new BigDecimal("3000"), SITUATION, chairAccount,
                List.of(approve), early.plusDays(5), "CASH");
        setup.aid(applicant, station.id(), early, "FAMILY", new BigDecimal("2500"), SITUATION, chairAccount,
                List.of(CareSetup.AidDecision.approval(committeeAccount, "委员", true, "2000", "同意")), null, null);
        setup.aid(peer, station.id(), early, "OTHER", new BigDecimal("900"), "购车", chairAccount,
                List.of(CareSetup.AidDecision.decline(committeeAccount, "委员", true, "不属于帮扶范围")), null, null);
        long unionChair = count("SELECT employee_id FROM account WHERE id = ?", unionOfficer.accountId());
        setup.aid(unionChair, union.unit().id(), early, "EDUCATION", new BigDecimal("500"), "子女上学", chairAccount,
                List.of(CareSetup.AidDecision.approval(committeeAccount, "委员", true, "500", "同意")), early.plusDays(3),
                "TRANSFER");
        setup.aid(applicant, station.id(), LocalDate.of(year - 1, 6, 1), "ILLNESS", new BigDecimal("1000"), SITUATION,
                chairAccount, List.of(CareSetup.AidDecision.approval(committeeAccount, "委员", true, "1000", "同意")),
                LocalDate.of(year - 1, 6, 9), "CASH");
        Fixtures.UnitWithDepartment elsewhere = fixtures.grassroots("别处帮扶工会");
        OrgSetup.HrRow outsiderRow = Fixtures.row(elsewhere.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "aid-out.csv", List.of(outsiderRow));
        setup.aid(fixtures.employeeId(outsiderRow.employeeNo()), elsewhere.unit().id(), early, "ILLNESS",
                new BigDecimal("5000"), SITUATION, chairAccount, List.of(approve), early.plusDays(1), "CASH");

        AidService.Overview overview = aid.overview(unionOfficer, year, "", false);
        assertThat(overview.approved()).isEqualByComparingTo("5500");
        assertThat(overview.paid()).isEqualByComparingTo("3500");
        assertThat(overview.rows()).hasSize(4);
        assertThat(overview.units()).extracting(AidService.Sum::name, u -> u.approved().toPlainString(),
                        u -> u.paid().toPlainString(), AidService.Sum::applications)
                .containsExactlyInAnyOrder(
                        tuple(station.name(), "5000.00", "3000.00", 3),
                        tuple(union.unit().name(), "500.00", "500.00", 1));
        assertThat(overview.people()).extracting(AidService.Sum::name, p -> p.approved().toPlainString(),
                        p -> p.paid().toPlainString(), AidService.Sum::applications)
                .containsExactlyInAnyOrder(tuple(applicantRow.name() + " " + applicantRow.employeeNo(), "5000.00", "3000.00", 2),
                        tuple(jdbc.sql("SELECT name || ' ' || emp_no FROM employee WHERE id = ?").param(peer)
                                .query(String.class).single(), "0", "0", 1),
                        tuple(jdbc.sql("SELECT name || ' ' || emp_no FROM employee WHERE id = ?").param(unionChair)
                                .query(String.class).single(), "500.00", "500.00", 1));
        assertThat(aid.overview(stationOfficer, year - 1, "", false).paid()).isEqualByComparingTo("1000");
        assertThat(aid.overview(stationOfficer, year, "PAID", false).rows()).hasSize(1);

        String list = page("/care/aid?year=" + year, unionOfficer);
        assertThat(list).contains("¥5,500.00").contains("¥3,500.00").contains(applicantRow.name())
                .doesNotContain(outsiderRow.name()).doesNotContain(elsewhere.unit().name());
        AidService.Overview all = aid.overview(committee, year, "", false);
        assertThat(all.people()).extracting(AidService.Sum::name)
                .contains(outsiderRow.name() + " " + outsiderRow.employeeNo());
    }

    @Test
    void onlyTheApplicantAndTheCarersOfTheirChainSeeAnApplicationAndItsEvidenceAndEveryLookIsAudited() throws Exception {
        long aidId = apply(employee);
        long fileId = fileOf(aidId);
        String url = "/care/aid/" + aidId;
        String file = url + "/files/" + fileId;

        assertThat(page(url, stationOfficer)).contains(SITUATION).contains("诊断证明.pdf");
        assertThat(page(url, unionOfficer)).contains(SITUATION);
        assertThat(page(url, committee)).contains(SITUATION);
        mvc.perform(get(file).with(as(unionOfficer))).andExpect(status().isOk());

        Viewer peerEmployee = Fixtures.employee(fixtures.accountId(peer), peer);
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("无关帮扶工会").unit().id());
        Viewer withoutCare = Fixtures.officerWithoutCare(fixtures.accountId(peer), station.id());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        mvc.perform(get(url).with(as(peerEmployee))).andExpect(status().isForbidden());
        mvc.perform(get(file).with(as(peerEmployee))).andExpect(status().isNotFound());
        assertThat(page("/care/aid/mine", peerEmployee)).doesNotContain(SITUATION);
        for (Viewer outsider : List.of(stranger, withoutCare, admin)) {
            mvc.perform(get(url).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(file).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post(url + "/review").param("decision", "DECLINE").param("comment", "越权").with(csrf())
                    .with(as(outsider))).andExpect(status().isNotFound());
            assertThat(page("/care/aid", outsider)).doesNotContain(url + "\"").doesNotContain(applicantRow.name());
        }
        assertThat(page("/care/aid", withoutCare)).contains("您没有任何组织的关怀权限");
        mvc.perform(get(url + "/files/" + fileOf(apply(peerEmployee))).with(as(employee))).andExpect(status().isNotFound());

        assertThat(jdbc.sql("SELECT situation_enc FROM care_aid WHERE id = ?").param(aidId).query(String.class).single())
                .doesNotContain("住院").doesNotContain("手术");
        assertThat(jdbc.sql("SELECT name_enc FROM care_aid_file WHERE id = ?").param(fileId).query(String.class).single())
                .doesNotContain("诊断");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'care.aid.view' AND target_id = ?",
                Long.toString(aidId))).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'care.aid.file' AND target_id = ?",
                Long.toString(aidId))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT coalesce(string_agg(coalesce(summary, '') || coalesce(after, ''), ' '), '')"
                + " FROM audit_event WHERE target_type = 'care_aid' AND target_id = ?").param(Long.toString(aidId))
                .query(String.class).single()).doesNotContain("住院");
    }

    @Test
    void ofTwoOfficersApprovingTheSameStepAtOnceExactlyOneDecides() throws Exception {
        long secondAccount = fixtures.accountId(peer);
        Viewer secondOfficer = Fixtures.officer(secondAccount, station.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long aidId = aid.applyFor(stationOfficer, applicantRow.employeeNo(),
                        new AidService.AidForm("ILLNESS", "3000", SITUATION), List.of());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (Viewer officer : List.of(stationOfficer, secondOfficer)) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            aid.review(officer, aidId, "APPROVE", "3000", "");
                            return true;
                        } catch (Refusal e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                long decided = 0;
                for (Future<Boolean> outcome : outcomes) {
                    decided += outcome.get() ? 1 : 0;
                }
                assertThat(decided).as("round %d", round).isEqualTo(1);
                assertThat(count("SELECT count(*) FROM care_aid_review WHERE aid_id = ?", aidId)).isEqualTo(1);
                assertThat(statusAndStep(aidId)).isEqualTo("IN_REVIEW " + union.unit().id());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDemoHasHardshipAidAtEveryStageThisYearAndLast() {
        String demo = """
                SELECT %s FROM care_aid WHERE applied_by IN (
                  SELECT g.account_id FROM role_grant g LEFT JOIN org_unit u ON u.id = g.unit_id
                  WHERE g.role = 'COMMITTEE' OR u.name = '蒲江收费站分会'
                  UNION SELECT c.id FROM account c JOIN employee e ON e.id = c.employee_id WHERE e.emp_no = '100090')""";
        assertThat(jdbc.sql(demo.formatted("DISTINCT status")).query(String.class).list())
                .contains("SUBMITTED", "IN_REVIEW", "APPROVED", "DECLINED", "PAID");
        assertThat(jdbc.sql(demo.formatted("DISTINCT year") + " AND status = 'PAID'").query(Integer.class).list())
                .contains(LocalDate.now().getYear(), LocalDate.now().getYear() - 1);
        assertThat(count("""
                SELECT count(*) FROM care_aid a JOIN org_unit u ON u.id = a.unit_id
                WHERE u.name = '蒲江收费站分会' AND a.status = 'SUBMITTED' AND a.current_unit_id = u.id"""))
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT a.status || ' ' || (a.current_unit_id = u.parent_id) FROM care_aid a
                JOIN org_unit u ON u.id = a.unit_id JOIN employee e ON e.id = a.employee_id
                JOIN account c ON c.id = a.applied_by AND c.employee_id = e.id
                WHERE e.emp_no = '100090'""").query(String.class).single()).isEqualTo("IN_REVIEW true");
    }
}
