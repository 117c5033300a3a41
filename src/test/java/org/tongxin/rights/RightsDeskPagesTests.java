package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.org.OrgSetup;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.rights.internal.Letters;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/**
 * The pages of mediation, legal aid and the chair's mailbox, driven as their users would: the committee opens and runs
 * a case and the applicant follows it; an employee asks for legal aid and the desk books it; a letter is written,
 * answered and published anonymised for everyone; refused forms come back with what was typed; an ordinary unit officer
 * gets 404 on every desk page and saves nothing.
 */
class RightsDeskPagesTests extends PageTestSupport {

    @Autowired
    Appeals appeals;
    @Autowired
    LegalAid aid;
    @Autowired
    Letters letters;
    @Autowired
    Mediations mediations;

    OrgSetup.HrRow workerRow;
    Viewer worker;
    Viewer colleague;
    Viewer chair;
    Viewer committee;

    @BeforeEach
    void aStationWithTwoEmployeesItsChairAndTheCommittee() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("维权页面收费站");
        workerRow = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "rights-pages.csv", List.of(workerRow, o, c));
        long workerId = fixtures.employeeId(workerRow.employeeNo());
        worker = Fixtures.employee(fixtures.accountId(workerId), workerId);
        long otherId = fixtures.employeeId(o.employeeNo());
        colleague = Fixtures.employee(fixtures.accountId(otherId), otherId);
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    private long idOf(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private String refused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                           Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(request.with(csrf()).with(as(viewer)));
        assertThat(response.getStatus()).as("a refused form comes back").isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommitteeRunsACaseFromOpeningToAgreementAndTheApplicantFollowsIt() throws Exception {
        assertThat(page("/rights/mediation/new", committee)).contains("mediation-form", "applicantNo");
        String wrong = refused(post("/rights/mediation").param("applicantNo", "NO-SUCH")
                .param("respondent", "收费站管理方").param("claim", "补发夜班津贴。"), committee);
        assertThat(wrong).contains("没有这个工号的职工", "收费站管理方", "补发夜班津贴。");
        MvcResult opened = mvc.perform(post("/rights/mediation").param("applicantNo", workerRow.employeeNo())
                .param("respondent", "收费站管理方").param("claim", "补发夜班津贴。").with(csrf()).with(as(committee)))
                .andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        long id = idOf(opened);
        String url = "/rights/mediation/" + id;

        assertThat(page(url, committee)).contains(workerRow.name(), "收费站管理方", "补发夜班津贴。", "剩余 15 天",
                "session-form", "extend-form", "close-form");
        assertThat(page("/rights/mediation", committee)).contains("case-" + id, workerRow.name());
        String noMinutes = refused(post(url + "/sessions").param("heldOn", mediations.today().toString())
                .param("attendees", "申请人、站长"), committee);
        assertThat(noMinutes).contains("请填写调解笔录", "申请人、站长");
        assertThat(outcome(post(url + "/sessions").param("heldOn", mediations.today().toString())
                .param("attendees", "申请人、站长、调解员").param("minutes", "站长同意核对排班记录。"), committee))
                .isEqualTo("flash:rights.mediation.sessionAdded");
        assertThat(outcome(post(url + "/extend").param("days", "10").param("reason", "双方同意延期"), committee))
                .isEqualTo("flash:rights.mediation.extended");
        assertThat(page(url, committee)).contains("站长同意核对排班记录。", "双方同意延期", "剩余 25 天")
                .doesNotContain("extend-form");
        assertThat(outcome(post(url + "/close").param("outcome", "AGREED").param("text", "下月补发夜班津贴1200元。")
                .param("agreedOn", mediations.today().toString()), committee)).isEqualTo("flash:rights.mediation.closed");

        String mine = page("/rights/mediation/mine", worker);
        assertThat(mine).contains("mine-" + id, "达成协议", "下月补发夜班津贴1200元。", "已调解 1 次",
                mediations.today().toString()).doesNotContain("站长同意核对排班记录。");
        assertThat(page("/rights/mediation/mine", colleague)).doesNotContain("mine-" + id);
        assertThat(perform(get(url).with(as(worker))).getStatus()).isEqualTo(404);
    }

    @Test
    void aCaseOpensFromAnAppealTheCommitteeHandles() throws Exception {
        long appeal = appeals.raise(worker, new Appeals.Raise(AppealCategory.SAFETY, Appeal.Identity.NAMED,
                "收费亭空调坏了一个月。", "尽快修好空调。"));
        appeals.accept(committee, appeal);

        assertThat(page("/rights/mediation/new?appeal=" + appeal, committee)).contains("from-appeal",
                workerRow.name(), "尽快修好空调。").doesNotContain("applicantNo");
        assertThat(perform(get("/rights/mediation/new?appeal=" + appeal).with(as(chair))).getStatus()).isEqualTo(404);
        MvcResult opened = mvc.perform(post("/rights/mediation").param("appeal", "" + appeal)
                .param("respondent", "养护中心").param("claim", "尽快修好空调。").with(csrf()).with(as(committee)))
                .andReturn();
        long id = idOf(opened);

        assertThat(appeals.find(appeal).orElseThrow().status()).isEqualTo(Appeal.Status.MEDIATION);
        assertThat(page("/rights/mediation/" + id, committee)).contains("/rights/handle/" + appeal, workerRow.name());
    }

    @Test
    void anEmployeeAsksForLegalAidAndTheDeskBooksIt() throws Exception {
        assertThat(page("/rights/legal-aid", worker)).contains("aid-form", "工会律师", "12351");
        String noTopic = refused(post("/rights/legal-aid").param("question", "工伤认定要多久？")
                .param("provider", "HOTLINE"), worker);
        assertThat(noTopic).contains("请填写咨询事项", "工伤认定要多久？");
        assertThat(outcome(post("/rights/legal-aid").param("topic", "工伤认定").param("question", "工伤认定要多久？")
                .param("provider", "HOTLINE"), worker)).isEqualTo("flash:rights.aid.requested");
        long id = aid.mine(worker).getFirst().request().id();

        assertThat(page("/rights/legal-aid/desk", committee)).contains("request-" + id, workerRow.name(), "工伤认定");
        String desk = "/rights/legal-aid/desk/" + id;
        assertThat(page(desk, committee)).contains("工伤认定要多久？", workerRow.name(), "book-form");
        assertThat(refused(post(desk + "/book").param("at", "2001-01-01T09:00").param("adviser", "12351热线"),
                committee)).contains("请选择一个今后的时间", "12351热线");
        String at = LocalDateTime.now().plusDays(2).withHour(15).withMinute(0).toString().substring(0, 16);
        assertThat(outcome(post(desk + "/book").param("at", at).param("adviser", "12351热线"), committee))
                .isEqualTo("flash:rights.aid.booked");
        assertThat(page("/rights/legal-aid", worker)).contains("aid-" + id, "已预约", "12351热线",
                at.replace('T', ' '));
        assertThat(outcome(post(desk + "/done").param("outcome", "一般60日内作出认定。"), committee))
                .isEqualTo("flash:rights.aid.done");
        assertThat(page("/rights/legal-aid", worker)).contains("一般60日内作出认定。");
    }

    @Test
    void aLetterIsWrittenAnsweredAndPublishedAnonymisedForEveryone() throws Exception {
        String noBody = refused(post("/rights/mailbox").param("subject", "班车线路").param("publishOk", "true"), worker);
        assertThat(noBody).contains("请填写来信内容", "班车线路");
        assertThat(outcome(post("/rights/mailbox").param("subject", "班车线路")
                .param("body", "我住城东，班车不经过，能否增加站点？").param("publishOk", "true"), worker))
                .isEqualTo("flash:rights.mailbox.sent");
        long id = letters.mine(worker).getFirst().letter().id();
        String office = "/rights/mailbox/office/" + id;

        assertThat(page("/rights/mailbox/office", committee)).contains("letter-" + id, workerRow.name());
        assertThat(page(office, committee)).contains("我住城东", "来信人同意匿名公开", "answer-form");
        assertThat(outcome(post(office + "/answer").param("answer", "已与车队商定，下月起增设城东站。"), committee))
                .isEqualTo("flash:rights.mailbox.answered");
        assertThat(page("/rights/mailbox", worker)).contains("已与车队商定，下月起增设城东站。");
        assertThat(refused(post(office + "/publish").param("question", workerRow.name() + "问：班车能否增加城东站点？")
                .param("publicAnswer", "下月起增设城东站。"), committee)).contains("公开内容里有来信人的姓名或工号");
        assertThat(outcome(post(office + "/publish").param("question", "有职工反映班车不经过城东，能否增加站点？")
                .param("publicAnswer", "下月起增设城东站。"), committee)).isEqualTo("flash:rights.mailbox.published");

        String answers = page("/rights/mailbox/answers", colleague);
        assertThat(answers).contains("answer-" + id, "有职工反映班车不经过城东，能否增加站点？", "下月起增设城东站。")
                .doesNotContain(workerRow.name()).doesNotContain("我住城东");
        assertThat(outcome(post("/rights/mailbox/letters/" + id + "/consent").param("ok", "false"), worker))
                .isEqualTo("flash:rights.mailbox.consentWithdrawn");
        assertThat(page("/rights/mailbox/answers", colleague)).doesNotContain("answer-" + id);
    }

    @Test
    void anOrdinaryUnitOfficerGetsNotFoundOnEveryDeskPageAndSavesNothing() throws Exception {
        long cases = jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single();
        for (String url : List.of("/rights/mediation", "/rights/mediation/new", "/rights/legal-aid/desk",
                "/rights/mailbox/office")) {
            assertThat(perform(get(url).with(as(chair))).getStatus()).as(url).isEqualTo(404);
        }
        assertThat(status(post("/rights/mediation").param("applicantNo", workerRow.employeeNo())
                .param("respondent", "越权").param("claim", "越权"), chair)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single()).isEqualTo(cases);
        assertThat(page("/", committee)).contains("rights-desk-home", "/rights/legal-aid/desk");
        assertThat(page("/", chair)).doesNotContain("rights-desk-home");
        assertThat(page("/", worker)).doesNotContain("rights-desk-home");
    }
}
