package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.Pictures;

/**
 * Honours: officers give them to people and teams of their own subtree only, with an audit line; a unit's
 * wall lists those of its subtree to its people and officers; the person finds their own; revoking needs a
 * reason and takes the honour down.
 */
class HonoursTests extends PageTestSupport {

    @Autowired
    ResultsSetup setup;

    Fixtures.UnitWithDepartment union;
    OrgUnit branch;
    Fixtures.UnitWithDepartment other;
    OrgSetup.HrRow honoured;
    OrgSetup.HrRow colleague;
    OrgSetup.HrRow stranger;
    Viewer officer;
    Viewer otherOfficer;
    Viewer honouredViewer;
    Viewer colleagueViewer;
    Viewer strangerViewer;
    int lastYear = Year.now().getValue() - 1;

    @BeforeEach
    void aUnitWithABranchAndAnotherUnit() {
        union = fixtures.grassroots("荣誉工会");
        branch = orgSetup.createUnit(union.unit().id(), "荣誉分会" + System.nanoTime() % 10000, UnitKind.BRANCH);
        String branchDepartment = "HB" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(branchDepartment, "荣誉分会部门", branch.id());
        other = fixtures.grassroots("别的工会");
        OrgSetup.HrRow chair = Fixtures.row(union.departmentCode());
        OrgSetup.HrRow otherChair = Fixtures.row(other.departmentCode());
        honoured = Fixtures.row(branchDepartment);
        colleague = Fixtures.row(union.departmentCode());
        stranger = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "honours.csv",
                List.of(chair, otherChair, honoured, colleague, stranger));
        officer = Fixtures.officer(fixtures.accountId(id(chair)), union.unit().id());
        otherOfficer = Fixtures.officer(fixtures.accountId(id(otherChair)), other.unit().id());
        honouredViewer = Fixtures.employee(fixtures.accountId(id(honoured)), id(honoured));
        colleagueViewer = Fixtures.employee(fixtures.accountId(id(colleague)), id(colleague));
        strangerViewer = Fixtures.employee(fixtures.accountId(id(stranger)), id(stranger));
    }

    private long id(OrgSetup.HrRow row) {
        return fixtures.employeeId(row.employeeNo());
    }

    private MockMultipartHttpServletRequestBuilder give(long unitId, Viewer viewer, String kind, String employeeNo,
                                                        Long teamUnitId) {
        MockMultipartHttpServletRequestBuilder request = multipart("/honours/units/" + unitId);
        request.param("kind", kind).param("year", Integer.toString(lastYear)).param("citation", "带领班组攻坚克难。")
                .param("employeeNo", employeeNo == null ? "" : employeeNo)
                .param("teamUnitId", teamUnitId == null ? "" : teamUnitId.toString()).with(csrf()).with(as(viewer));
        return request;
    }

    private long honours(String where, Object... params) {
        return jdbc.sql("SELECT count(*) FROM honour WHERE " + where).params(params).query(Long.class).single();
    }

    @Test
    void anOfficerGivesHonoursOnlyToPeopleAndTeamsOfTheirSubtree() throws Exception {
        MockMultipartHttpServletRequestBuilder withPhoto = give(union.unit().id(), officer, "MODEL_WORKER",
                honoured.employeeNo(), null);
        withPhoto.file(new MockMultipartFile("photo", "劳模.jpg", "image/jpeg", Pictures.picture(900, 1200, "jpg")));
        MockHttpServletResponse given = perform(withPhoto);
        assertThat(given.getStatus()).isEqualTo(302);
        assertThat(given.getRedirectedUrl()).isEqualTo("/honours/units/" + union.unit().id());
        assertThat(jdbc.sql("""
                        SELECT awarded_by_unit_id || ' ' || recipient_unit_id || ' ' || year || ' ' || (photo_key IS NOT NULL)
                        FROM honour WHERE employee_id = ?""").param(id(honoured)).query(String.class).single())
                .isEqualTo(union.unit().id() + " " + branch.id() + " " + lastYear + " true");
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'honour.give' AND unit_id = ?")
                .param(union.unit().id()).query(String.class).single()).isEqualTo(honoured.name());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '你获得了荣誉：劳动模范'")
                .param(id(honoured)).query(Long.class).single() == 1);

        assertThat(text(give(union.unit().id(), officer, "MODEL_WORKER", stranger.employeeNo(), null)))
                .contains("本单位及下级单位中没有这个工号的在职职工");
        assertThat(perform(give(other.unit().id(), officer, "MODEL_WORKER", stranger.employeeNo(), null)).getStatus())
                .isEqualTo(404);
        assertThat(text(give(union.unit().id(), officer, "ADVANCED_TEAM", null, other.unit().id())))
                .contains("请选择本单位或下级单位作为获奖集体");
        assertThat(text(give(union.unit().id(), officer, "ADVANCED_TEAM", honoured.employeeNo(), null)))
                .contains("这一类荣誉授予集体");
        assertThat(perform(give(union.unit().id(), honouredViewer, "MODEL_WORKER", honoured.employeeNo(), null))
                .getStatus()).isEqualTo(403);
        assertThat(honours("recipient_unit_id = ? OR awarded_by_unit_id = ?", other.unit().id(), other.unit().id()))
                .isZero();
        assertThat(honours("employee_id = ?", id(honoured))).isOne();

        assertThat(perform(give(union.unit().id(), officer, "ADVANCED_TEAM", null, branch.id())).getStatus())
                .isEqualTo(302);
        assertThat(honours("team_unit_id = ? AND kind = 'ADVANCED_TEAM'", branch.id())).isOne();
    }

    @Test
    void theWallShowsTheSubtreesHonoursToItsPeopleAndOfficersOnly() throws Exception {
        long model = setup.honour(union.unit().id(), "MODEL_WORKER", "四川省劳动模范", lastYear, "二十年扎根一线。",
                id(honoured), null, Pictures.picture(600, 800, "png"), fixtures.adminAccountId());
        setup.honour(other.unit().id(), "CRAFTSMAN", null, lastYear, "别的单位的工匠。", id(stranger), null, null,
                fixtures.adminAccountId());

        String wall = page("/honours/units/" + union.unit().id(), colleagueViewer);
        assertThat(wall).contains("id=\"honour-" + model + "\"").contains(honoured.name()).contains("四川省劳动模范")
                .contains("二十年扎根一线。").contains("/honours/" + model + "/photo/thumb")
                .doesNotContain("别的单位的工匠。").doesNotContain("id=\"honour-form\"");
        assertThat(page("/honours/units/" + branch.id(), honouredViewer)).contains("二十年扎根一线。");
        assertThat(page("/honours/units/" + union.unit().id(), officer)).contains("id=\"honour-form\"")
                .contains("id=\"revoke-" + model + "\"");
        assertThat(page("/org/units/" + union.unit().id(), officer)).contains("id=\"honours-panel\"")
                .contains("1 项荣誉");
        for (Viewer outsider : List.of(strangerViewer, otherOfficer)) {
            assertThat(perform(get("/honours/units/" + union.unit().id()).with(as(outsider))).getStatus())
                    .isEqualTo(404);
        }
        MockHttpServletResponse photo = perform(get("/honours/" + model + "/photo/thumb").with(as(colleagueViewer)));
        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(photo.getHeader("Cache-Control")).contains("immutable");
        assertThat(perform(get("/honours/" + model + "/photo").with(as(otherOfficer))).getStatus()).isEqualTo(404);
    }

    @Test
    void thePersonSeesTheirOwnHonoursAndTheWallsOfTheirUnits() throws Exception {
        setup.honour(union.unit().id(), "OUTSTANDING_VOLUNTEER", null, lastYear, "春运志愿服务 120 小时。", id(honoured),
                null, null, fixtures.adminAccountId());
        setup.honour(union.unit().id(), "ADVANCED_INDIVIDUAL", null, lastYear, "同事的荣誉。", id(colleague), null, null,
                fixtures.adminAccountId());
        assertThat(page("/", honouredViewer)).contains("id=\"honours-link\"").contains("1 项荣誉");
        assertThat(page("/honours/mine", honouredViewer)).contains("春运志愿服务 120 小时。").contains("优秀志愿者")
                .doesNotContain("同事的荣誉。").contains("href=\"/honours/units/" + branch.id() + "\"")
                .contains("href=\"/honours/units/" + union.unit().id() + "\"");
        assertThat(page("/honours/mine", strangerViewer)).contains("你还没有荣誉记录").doesNotContain("春运志愿服务");
    }

    @Test
    void revokingTakesAReasonIsAuditedAndTakesTheHonourDown() throws Exception {
        long honour = setup.honour(union.unit().id(), "CRAFTSMAN", null, lastYear, "技术革新能手。", id(honoured), null,
                null, fixtures.adminAccountId());
        assertThat(perform(post("/honours/" + honour + "/revoke").param("reason", "越权撤销").with(csrf())
                .with(as(otherOfficer))).getStatus()).isEqualTo(404);
        perform(post("/honours/" + honour + "/revoke").param("reason", " ").param("back", Long.toString(union.unit().id()))
                .with(csrf()).with(as(officer)));
        assertThat(honours("id = ? AND revoked_at IS NULL", honour)).isOne();

        MockHttpServletResponse done = perform(post("/honours/" + honour + "/revoke").param("reason", "事迹材料不实")
                .param("back", Long.toString(union.unit().id())).with(csrf()).with(as(officer)));
        assertThat(done.getRedirectedUrl()).isEqualTo("/honours/units/" + union.unit().id());
        assertThat(jdbc.sql("SELECT revoke_reason FROM honour WHERE id = ?").param(honour).query(String.class).single())
                .isEqualTo("事迹材料不实");
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'honour.revoke' AND target_id = ?")
                .param(Long.toString(honour)).query(String.class).single()).contains("事迹材料不实");
        assertThat(page("/honours/units/" + union.unit().id(), officer)).doesNotContain("技术革新能手。");
        assertThat(page("/honours/mine", honouredViewer)).doesNotContain("技术革新能手。");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '荣誉已撤销：工匠'")
                .param(id(honoured)).query(Long.class).single() == 1);
    }
}
