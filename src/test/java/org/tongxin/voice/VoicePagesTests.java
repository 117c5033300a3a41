package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.voice.internal.Evaluations;

/**
 * The voice pages: an employee submits a suggestion (similar earlier ones shown first without script) and follows
 * its timeline; officers take every step through their pages, refusals are shown, an anonymous submitter is never
 * shown to them, and an officer of another unit gets 404; members cast one secret ballot each and organisers see
 * aggregates only from five ballots.
 */
class VoicePagesTests extends PageTestSupport {

    @Autowired
    OrgDirectory org;
    @Autowired
    MembershipSetup membership;
    @Autowired
    Evaluations evaluations;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment owner;
    Fixtures.UnitWithDepartment other;
    Viewer employee;
    EmployeeSummary employeeSummary;
    Viewer colleague;
    Viewer officer;
    Viewer ownerOfficer;
    Viewer otherOfficer;
    Viewer committee;
    List<Viewer> members = new ArrayList<>();

    @BeforeEach
    void unitsWithOfficersAndPeople() {
        unit = fixtures.grassroots("建议页面工会");
        owner = fixtures.grassroots("建议页面承办");
        other = fixtures.grassroots("建议页面旁站");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        OrgSetup.HrRow ownerChair = Fixtures.row(owner.departmentCode());
        OrgSetup.HrRow otherChair = Fixtures.row(other.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "voice-pages.csv", rows);
        orgSetup.importEmployees(admin, "voice-pages-owner.csv", List.of(ownerChair, otherChair));
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        employee = people.get(0);
        employeeSummary = org.employee(employee.employeeId()).orElseThrow();
        colleague = people.get(1);
        Viewer chair = people.get(2);
        fixtures.chair(chair.accountId(), unit.unit().id(), false);
        officer = new Viewer(chair.accountId(), chair.employeeId(), "chair", Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        long ownerChairId = fixtures.employeeId(ownerChair.employeeNo());
        ownerOfficer = Fixtures.officerWithoutCare(fixtures.accountId(ownerChairId), owner.unit().id());
        fixtures.chair(ownerOfficer.accountId(), owner.unit().id(), false);
        long otherChairId = fixtures.employeeId(otherChair.employeeNo());
        otherOfficer = Fixtures.officerWithoutCare(fixtures.accountId(otherChairId), other.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        members.clear();
        for (Viewer p : people.subList(2, 8)) {
            membership.enrol(p.employeeId(), unit.unit().id(), LocalDate.now().minusYears(1));
            members.add(p);
        }
    }

    private long submit(Viewer who, String title, boolean anonymous) throws Exception {
        MvcResult result = mvc.perform(post("/voice/new").param("title", title).param("problem", "夜班交接时没有热水。")
                .param("proposal", "在收费亭旁加装即热饮水机。").param("expected", "冬季夜班职工喝上热水。")
                .param("anonymous", Boolean.toString(anonymous)).param("seen", "true").with(csrf()).with(as(who)))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/voice/suggestions/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM voice_suggestion WHERE id = ?").param(id).query(String.class).single();
    }

    private String admin(long id) {
        return "/voice-admin/suggestions/" + id;
    }

    @Test
    void anEmployeeSubmitsSeesSimilarOnesFirstWithoutScriptAndFollowsTheTimeline() throws Exception {
        String form = page("/voice/new", employee);
        assertThat(form).contains("id=\"suggestion-title\"", "id=\"suggestion-anonymous\"", "/js/voice-",
                "data-similar-url=\"/voice/similar\"");
        long first = submit(employee, "收费亭夜班加装即热饮水机", false);
        String json = perform(get("/voice/similar").param("title", "收费亭饮水机").with(as(colleague)))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("收费亭夜班加装即热饮水机", "\"status\":\"已提交\"", "\"id\":" + first);
        assertThat(perform(get("/voice/similar").param("title", "灯").with(as(colleague)))
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo("[]");

        // Without the script (no "seen"), the first press lists the similar ones and keeps what was typed.
        long before = jdbc.sql("SELECT count(*) FROM voice_suggestion").query(Long.class).single();
        MockHttpServletResponse shown = perform(post("/voice/new").param("title", "收费亭加装饮水机")
                .param("problem", "没有热水").param("proposal", "装饮水机").with(csrf()).with(as(colleague)));
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString(StandardCharsets.UTF_8)).contains("已有相似的建议", "收费亭夜班加装即热饮水机",
                "仍然提交", "name=\"seen\" id=\"seen\" value=\"true\"", "没有热水");
        assertThat(jdbc.sql("SELECT count(*) FROM voice_suggestion").query(Long.class).single()).isEqualTo(before);
        MockHttpServletResponse refused = perform(post("/voice/new").param("title", " ").param("problem", "没有热水")
                .param("proposal", "装饮水机").param("seen", "true").with(csrf()).with(as(colleague)));
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"flash-error\"", "请填写标题", "没有热水");

        String mine = page("/voice", employee);
        assertThat(mine).contains("收费亭夜班加装即热饮水机", "已提交", unit.unit().name(), "id=\"new-suggestion\"",
                "href=\"/voice/board\"", "id=\"points-balance\"");
        String timeline = page("/voice/suggestions/" + first, employee);
        assertThat(timeline).contains("id=\"timeline\"", "已提交", "由 " + unit.unit().name() + " 办理", "期限 ");
        jdbc.sql("UPDATE voice_suggestion SET due_on = current_date - 2 WHERE id = ?").param(first).update();
        jdbc.sql("UPDATE voice_suggestion_step SET due_on = current_date - 2 WHERE suggestion_id = ?").param(first)
                .update();
        assertThat(page("/voice/suggestions/" + first, employee)).contains("已逾期", "tx-step-overdue");
        assertThat(perform(get("/voice/suggestions/" + first).with(as(colleague))).getStatus())
                .as("someone else's suggestion").isEqualTo(404);
        assertThat(page("/", employee)).contains("id=\"voice-home\"");
        assertThat(page("/me", employee)).contains("id=\"me-points\"", "id=\"me-suggestions\"");
    }

    @Test
    void officersTakeEveryStepThroughTheirPagesAndTheEmployeeSeesEachWithThePoints() throws Exception {
        long id = submit(employee, "道班宿舍更换节能热水器", false);
        String queue = page("/voice-admin", officer);
        assertThat(queue).contains("id=\"held-" + id + "\"", "待受理", "id=\"count-SUBMITTED\"");
        String review = page(admin(id), officer);
        assertThat(review).contains("id=\"accept\"", "id=\"return\"", employeeSummary.name(), employeeSummary.employeeNo());
        assertThat(outcome(post(admin(id) + "/adopt"), officer)).as("not at that step").isEqualTo("error:voice.error.wrongStep");
        assertThat(outcome(post(admin(id) + "/return").param("reason", " "), officer))
                .isEqualTo("error:voice.error.reasonRequired");
        assertThat(perform(get(admin(id)).flashAttr("flashError", "voice.error.reasonRequired").with(as(officer)))
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"flash-error\"", "请填写原因");
        assertThat(outcome(post(admin(id) + "/accept"), officer)).isEqualTo("flash:voice.admin.done.accepted");
        assertThat(status(id)).isEqualTo("ACCEPTED");

        String search = page(admin(id) + "?q=" + owner.unit().name(), officer);
        assertThat(search).contains("id=\"assign-" + owner.unit().id() + "\"");
        assertThat(page(admin(id), officer)).as("the own unit offered first").contains("id=\"assign-" + unit.unit().id() + "\"");
        assertThat(outcome(post(admin(id) + "/assign").param("ownerUnitId", Long.toString(owner.unit().id())), officer))
                .isEqualTo("flash:voice.admin.done.assigned");
        assertThat(status(id)).isEqualTo("ASSIGNED");
        assertThat(page(admin(id), officer)).as("the reviewing officer follows it").contains("等待 " + owner.unit().name())
                .doesNotContain("id=\"adopt\"");
        assertThat(status(post(admin(id) + "/adopt"), officer)).as("only the owner's officers").isEqualTo(404);

        assertThat(page("/voice-admin", ownerOfficer)).contains("id=\"held-" + id + "\"", "待采纳");
        assertThat(page(admin(id), ownerOfficer)).contains("id=\"adopt\"", "id=\"decline\"");
        assertThat(outcome(post(admin(id) + "/adopt").param("note", "今冬先换两间"), ownerOfficer))
                .isEqualTo("flash:voice.admin.done.adopted");
        assertThat(outcome(post(admin(id) + "/implemented").param("note", "已全部更换"), ownerOfficer))
                .isEqualTo("flash:voice.admin.done.implemented");
        assertThat(outcome(post(admin(id) + "/value").param("yuan", "abc").param("note", "电费"), ownerOfficer))
                .isEqualTo("error:voice.error.badValue");
        assertThat(outcome(post(admin(id) + "/value").param("yuan", "12,000").param("note", " "), ownerOfficer))
                .isEqualTo("error:voice.error.valueNoteRequired");
        assertThat(outcome(post(admin(id) + "/value").param("yuan", "12,000").param("note", "每年节约电费"), ownerOfficer))
                .isEqualTo("flash:voice.admin.done.value");
        assertThat(status(post(admin(id) + "/confirm"), ownerOfficer)).as("the committee's step").isEqualTo(404);

        assertThat(page("/voice-admin", committee)).contains("id=\"held-" + id + "\"");
        assertThat(page(admin(id), committee)).contains("id=\"confirm-value\"", "12,000.00");
        assertThat(outcome(post(admin(id) + "/confirm"), committee)).isEqualTo("flash:voice.admin.done.verified");
        assertThat(outcome(post(admin(id) + "/recognise").param("note", "年度优秀建议"), committee))
                .isEqualTo("flash:voice.admin.done.recognised");
        assertThat(status(id)).isEqualTo("RECOGNISED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_type = 'voice_suggestion' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(7);

        String timeline = page("/voice/suggestions/" + id, employee);
        assertThat(timeline).contains("已提交", "已受理", "已交办", "已采纳", "今冬先换两间", "已实施", "效益已填报", "效益已核实",
                "获得表彰", "年度优秀建议", "由 " + owner.unit().name() + " 办理", "核实效益：12,000.00 元");
        String points = page("/voice/points", employee);
        assertThat(points).contains("id=\"balance\">70<", "建议采纳", "建议表彰", "+50", "+20");
        String board = page("/voice/board", colleague);
        assertThat(board).contains("id=\"board-" + id + "\"", "道班宿舍更换节能热水器", employeeSummary.name(),
                "核实效益：12,000.00 元", "id=\"unit-totals\"");
    }

    @Test
    void anAnonymousSubmitterIsNeverShownToOfficersAndAnotherUnitsOfficerGets404() throws Exception {
        long id = submit(employee, "收费广场增设遮阳棚", true);
        for (Viewer v : List.of(officer, committee)) {
            String view = page(admin(id), v);
            assertThat(view).contains("匿名建议", "收费广场增设遮阳棚").doesNotContain(employeeSummary.name())
                    .doesNotContain(employeeSummary.employeeNo()).doesNotContain(employeeSummary.departmentName());
            assertThat(page("/voice-admin", v)).contains("收费广场增设遮阳棚").doesNotContain(employeeSummary.name());
        }
        assertThat(page("/voice/suggestions/" + id, employee)).contains("匿名提交");

        assertThat(perform(get(admin(id)).with(as(otherOfficer))).getStatus()).isEqualTo(404);
        for (String action : List.of("accept", "return", "assign", "adopt", "decline", "implemented", "value", "confirm",
                "recognise")) {
            assertThat(status(post(admin(id) + "/" + action).param("reason", "越权").param("note", "越权")
                    .param("ownerUnitId", Long.toString(other.unit().id())).param("yuan", "1"), otherOfficer))
                    .as(action).isEqualTo(404);
        }
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(page("/voice-admin", otherOfficer)).doesNotContain("收费广场增设遮阳棚");

        suggestionsAdoptedOnTheBoardWithoutAName(id);
    }

    private void suggestionsAdoptedOnTheBoardWithoutAName(long id) throws Exception {
        outcome(post(admin(id) + "/accept"), officer);
        outcome(post(admin(id) + "/assign").param("ownerUnitId", Long.toString(unit.unit().id())), officer);
        assertThat(outcome(post(admin(id) + "/adopt"), officer)).isEqualTo("flash:voice.admin.done.adopted");
        String board = page("/voice/board", colleague);
        String line = board.substring(board.indexOf("id=\"board-" + id + "\""));
        line = line.substring(0, line.indexOf("</details>"));
        assertThat(line).contains("收费广场增设遮阳棚", "匿名").doesNotContain(employeeSummary.name());
    }

    @Test
    void membersCastOneSecretBallotAndOrganisersSeeAggregatesOnlyFromFive() throws Exception {
        MvcResult created = mvc.perform(post("/voice-admin/evaluations").param("unitId", Long.toString(unit.unit().id()))
                .param("title", "页面测试民主评议").param("criteria", "服务意识\n创新能力、作风")
                .param("opensOn", LocalDate.now().toString()).param("closesOn", LocalDate.now().plusDays(7).toString())
                .with(csrf()).with(as(officer))).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/voice-admin/evaluations/\\d+");
        long round = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("/voice-admin/evaluations", officer)).contains("页面测试民主评议", "id=\"round-form\"");
        assertThat(status(post("/voice-admin/evaluations").param("unitId", Long.toString(other.unit().id()))
                .param("title", "越权评议").param("criteria", "作风").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().toString()), officer)).isEqualTo(404);
        long chair = officer.employeeId();

        Viewer voter = members.get(1);
        assertThat(page("/voice/evaluations", voter)).contains("id=\"round-" + round + "\"", "待评议 1 人");
        String ballot = page("/voice/evaluations/" + round, voter);
        assertThat(ballot).contains("id=\"ballot-" + chair + "\"", "服务意识", "创新能力", "作风",
                "id=\"s-" + chair + "-2-5\"", "无记名");
        assertThat(perform(get("/voice/evaluations/" + round).with(as(employee))).getStatus())
                .as("not a member").isEqualTo(404);
        assertThat(outcome(post("/voice/evaluations/" + round + "/vote").param("evalueeId", Long.toString(chair))
                .param("score-0", "5").param("score-1", "4"), voter)).isEqualTo("error:voice.error.scores");
        assertThat(outcome(post("/voice/evaluations/" + round + "/vote").param("evalueeId", Long.toString(chair))
                .param("score-0", "5").param("score-1", "4").param("score-2", "5").param("comment", "服务热情"), voter))
                .isEqualTo("flash:voice.page.voted");
        assertThat(outcome(post("/voice/evaluations/" + round + "/vote").param("evalueeId", Long.toString(chair))
                .param("score-0", "1").param("score-1", "1").param("score-2", "1"), voter))
                .isEqualTo("error:voice.error.alreadyVoted");
        assertThat(perform(get("/voice/evaluations/" + round).flashAttr("flashError", "voice.error.alreadyVoted")
                .with(as(voter))).getContentAsString(StandardCharsets.UTF_8))
                .contains("已评议", "id=\"voted-" + chair + "\"").doesNotContain("id=\"ballot-" + chair + "\"")
                .contains("本轮您已评议过这位干部");

        String few = page(location, officer);
        assertThat(few).contains("不足 5 票，不公布", "1 人已投票").doesNotContain("服务热情");
        for (Viewer m : members.subList(2, 6)) {
            evaluations.vote(m, round, chair, List.of(4, 3, 4), "");
        }
        evaluations.mix();
        String five = page(location, officer);
        assertThat(five).contains("已计 5 票", "4.20", "3.20", "4.20", "服务热情").doesNotContain("不足 5 票");
        for (Viewer m : members) {
            assertThat(five).doesNotContain(org.employee(m.employeeId()).orElseThrow().name() + "（");
        }
        assertThat(perform(get(location).with(as(otherOfficer))).getStatus()).isEqualTo(404);
    }
}
