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
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.voice.internal.Motions;

/**
 * The congress pages: a representative files a motion from the form, others co-sign, the motions committee accepts and
 * assigns it, the handling unit answers, the proposer sends it back once and then rates it; the people of the unit read
 * the formal motion; officers open a session and add representatives by number (refused whole when one is wrong);
 * another unit's officer gets 404 everywhere.
 */
class CongressPagesTests extends PageTestSupport {

    @Autowired
    Motions motions;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment handling;
    Fixtures.UnitWithDepartment other;
    List<OrgSetup.HrRow> rows = new ArrayList<>();
    OrgSetup.HrRow outsiderRow;
    Viewer proposer;
    Viewer first;
    Viewer second;
    Viewer colleague;
    Viewer officer;
    Viewer handlingOfficer;
    Viewer otherOfficer;
    long congress;

    @BeforeEach
    void aSessionWithRepresentativesAndOfficers() {
        unit = fixtures.grassroots("提案页面工会");
        handling = fixtures.grassroots("提案页面承办");
        other = fixtures.grassroots("提案页面旁站");
        rows.clear();
        for (int i = 0; i < 5; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        OrgSetup.HrRow handlingChair = Fixtures.row(handling.departmentCode());
        outsiderRow = Fixtures.row(other.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "congress-pages.csv", rows);
        orgSetup.importEmployees(admin, "congress-pages-2.csv", List.of(handlingChair, outsiderRow));
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        proposer = people.get(0);
        first = people.get(1);
        second = people.get(2);
        colleague = people.get(3);
        Viewer chair = people.get(4);
        fixtures.chair(chair.accountId(), unit.unit().id(), false);
        officer = new Viewer(chair.accountId(), chair.employeeId(), "chair", Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        long handlingChairId = fixtures.employeeId(handlingChair.employeeNo());
        handlingOfficer = new Viewer(fixtures.accountId(handlingChairId), handlingChairId, "handler",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(handling.unit().id()), Set.of(), false);
        otherOfficer = Fixtures.officerWithoutCare(fixtures.adminAccountId(), other.unit().id());
        congress = motions.createCongress(officer, unit.unit().id(), "第三届职工代表大会第二次会议",
                LocalDate.now().minusDays(2), LocalDate.now().plusDays(7), 2);
        motions.addRepresentatives(officer, congress, rows.get(0).employeeNo() + " " + rows.get(1).employeeNo() + " "
                + rows.get(2).employeeNo());
    }

    private static String motion(long id) {
        return "/voice/congress/motions/" + id;
    }

    private static String admin(long id) {
        return "/voice-admin/congress/motions/" + id;
    }

    @Test
    void aMotionGoesFromTheFilingFormToItsSecondAnswerAndFinalRatingThroughThePages() throws Exception {
        assertThat(page("/voice", proposer)).contains("/voice/congress");
        assertThat(page("/voice/congress", proposer)).contains("第三届职工代表大会第二次会议", "file-" + congress, "我是职工代表");
        assertThat(page("/voice/congress/new?congress=" + congress, proposer)).contains("motion-form", "生活福利");
        assertThat(perform(get("/voice/congress/new?congress=" + congress).with(as(colleague))).getStatus())
                .as("not a representative").isEqualTo(404);

        MockHttpServletResponse refused = perform(post("/voice/congress/new").param("congress", "" + congress)
                .param("title", "开通夜班职工班车").param("reason", "夜班下班没有车。").param("proposal", "开通专线。")
                .with(csrf()).with(as(proposer)));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请选择提案类别", "开通夜班职工班车",
                "夜班下班没有车。");
        MvcResult filed = mvc.perform(post("/voice/congress/new").param("congress", "" + congress)
                .param("title", "开通夜班职工班车").param("reason", "夜班下班没有车。").param("proposal", "开通专线。")
                .param("category", "WELFARE").with(csrf()).with(as(proposer))).andReturn();
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(filed.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(page(motion(id), proposer)).contains("开通夜班职工班车", "附议 0/2", "征集附议").doesNotContain("id=\"cosign\"");

        assertThat(page("/voice/congress", first)).contains("cosign-" + id);
        assertThat(page(motion(id), first)).contains("id=\"cosign\"");
        assertThat(perform(get(motion(id)).with(as(colleague))).getStatus()).as("filed: representatives only")
                .isEqualTo(404);
        assertThat(outcome(post(motion(id) + "/cosign"), proposer)).isEqualTo("error:voice.error.motion.ownMotion");
        assertThat(outcome(post(motion(id) + "/cosign"), first)).isEqualTo("flash:voice.motion.done.cosigned");
        assertThat(outcome(post(motion(id) + "/cosign"), first)).isEqualTo("error:voice.error.motion.alreadyCosigned");
        assertThat(page(admin(id), officer)).contains("too-few", "附议 1 人，需 2 人才能立案");
        assertThat(outcome(post(admin(id) + "/accept"), officer)).isEqualTo("error:voice.error.motion.tooFewCosigners");
        assertThat(outcome(post(motion(id) + "/cosign"), second)).isEqualTo("flash:voice.motion.done.cosigned");

        assertThat(page("/voice-admin/congress", officer)).contains("session-" + congress, "待审查 1");
        assertThat(page("/voice-admin/congress/sessions/" + congress, officer)).contains("motion-" + id, "to-review");
        assertThat(outcome(post(admin(id) + "/accept").param("note", "符合立案条件"), officer))
                .isEqualTo("flash:voice.motion.admin.accepted");
        assertThat(page(admin(id) + "?q=提案页面承办", officer)).contains("assign-form", handling.unit().name());
        assertThat(outcome(post(admin(id) + "/assign").param("handlingUnitId", "" + handling.unit().id())
                .param("dueOn", LocalDate.now().plusDays(30).toString()), officer))
                .isEqualTo("flash:voice.motion.admin.assigned");
        assertThat(status(post(admin(id) + "/answer").param("text", "越权答复"), otherOfficer)).isEqualTo(404);
        assertThat(perform(get(admin(id)).with(as(otherOfficer))).getStatus()).isEqualTo(404);
        assertThat(status(post(admin(id) + "/answer").param("text", "越权答复"), officer))
                .as("the committee is not the handling unit").isEqualTo(404);

        assertThat(page("/voice-admin/congress", handlingOfficer)).contains("answer-" + id);
        assertThat(page(admin(id), handlingOfficer)).contains("answer-form").doesNotContain("assign-form");
        assertThat(outcome(post(admin(id) + "/answer").param("text", "下月起试开夜班专线。"), handlingOfficer))
                .isEqualTo("flash:voice.motion.admin.answered");

        assertThat(page(motion(id), proposer)).contains("rate-form", "下月起试开夜班专线。");
        assertThat(page(motion(id), first)).doesNotContain("rate-form");
        assertThat(outcome(post(motion(id) + "/rate").param("rating", "NOT_SATISFIED"), proposer))
                .isEqualTo("error:voice.error.motion.reopenReason");
        assertThat(outcome(post(motion(id) + "/rate").param("rating", "NOT_SATISFIED").param("note", "没说线路"),
                proposer)).isEqualTo("flash:voice.motion.done.reopened");
        assertThat(page(admin(id), handlingOfficer)).contains("再次答复", "没说线路");
        assertThat(outcome(post(admin(id) + "/answer").param("text", "专线经停三个小区。"), handlingOfficer))
                .isEqualTo("flash:voice.motion.admin.answered");
        assertThat(page(motion(id), proposer)).contains("这是对再次答复的评价");
        assertThat(outcome(post(motion(id) + "/rate").param("rating", "BASIC"), proposer))
                .isEqualTo("flash:voice.motion.done.closed");

        String session = page("/voice/congress/sessions/" + congress, colleague);
        assertThat(session).contains("开通夜班职工班车", "第 1 号");
        String formal = page(motion(id), colleague);
        assertThat(formal).contains("专线经停三个小区。", "基本满意", "已办结", "timeline").doesNotContain("rate-form")
                .doesNotContain("id=\"cosign\"");
        String counts = page("/voice-admin/congress/sessions/" + congress, officer);
        assertThat(counts).contains("count-CLOSED", "satisfaction-BASIC");
        assertThat(motions.motion(id).status()).isEqualTo("CLOSED");
        String english = perform(get(motion(id)).with(as(colleague))
                .sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Basically satisfied", "Second answer of");
    }

    @Test
    void officersOpenASessionAndAddRepresentativesAllOrNothingAndAnotherUnitsOfficerGets404() throws Exception {
        assertThat(page("/voice-admin/congress", officer)).contains("congress-form");
        MvcResult created = mvc.perform(post("/voice-admin/congress").param("unitId", "" + unit.unit().id())
                .param("title", "第四届职工代表大会第一次会议").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().plusDays(10).toString()).param("cosigners", "3")
                .with(csrf()).with(as(officer))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(motions.congress(id).cosignersNeeded()).isEqualTo(3);
        String sessionUrl = "/voice-admin/congress/sessions/" + id;

        MvcResult refused = mvc.perform(post(sessionUrl + "/representatives")
                .param("numbers", rows.get(0).employeeNo() + "\nNOBODY-9\n" + outsiderRow.employeeNo())
                .with(csrf()).with(as(officer))).andReturn();
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("voice.error.motion.unknownNumbers");
        assertThat(refused.getFlashMap().get("unknownNumbers")).isEqualTo("NOBODY-9");
        assertThat(refused.getFlashMap().get("outsideNumbers")).isEqualTo(outsiderRow.employeeNo());
        assertThat(motions.representatives(id)).as("nothing half-saved").isEmpty();
        String shown = perform(get(sessionUrl).with(as(officer)).flashAttrs(refused.getFlashMap()))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("没有这些工号：NOBODY-9", outsiderRow.employeeNo());
        assertThat(outcome(post(sessionUrl + "/representatives").param("numbers", rows.get(0).employeeNo() + ","
                + rows.get(3).employeeNo()), officer)).isEqualTo("flash:voice.motion.admin.repsAdded");
        assertThat(page(sessionUrl, officer)).contains("rep-" + rows.get(3).employeeNo());
        assertThat(outcome(post(sessionUrl + "/representatives/remove").param("employeeId", "" + colleague.employeeId()),
                officer)).isEqualTo("flash:voice.motion.admin.repRemoved");
        assertThat(motions.representatives(id)).containsExactly(proposer.employeeId());
        assertThat(outcome(post(sessionUrl + "/settings").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().minusDays(1).toString()).param("cosigners", "2"), officer))
                .isEqualTo("error:voice.error.motion.badDates");

        assertThat(perform(get(sessionUrl).with(as(otherOfficer))).getStatus()).isEqualTo(404);
        for (String action : List.of("/representatives", "/representatives/remove", "/settings")) {
            assertThat(status(post(sessionUrl + action).param("numbers", outsiderRow.employeeNo())
                    .param("employeeId", "" + proposer.employeeId()).param("opensOn", LocalDate.now().toString())
                    .param("closesOn", LocalDate.now().toString()).param("cosigners", "0"), otherOfficer))
                    .as(action).isEqualTo(404);
        }
        assertThat(motions.representatives(id)).containsExactly(proposer.employeeId());
        assertThat(status(post("/voice-admin/congress").param("unitId", "" + unit.unit().id()).param("title", "越权")
                .param("opensOn", LocalDate.now().toString()).param("closesOn", LocalDate.now().toString()),
                otherOfficer)).isEqualTo(404);
        assertThat(page("/voice-admin/congress", otherOfficer)).doesNotContain("session-" + id)
                .doesNotContain("session-" + congress);
    }

    @Test
    void aMotionConvertedToASuggestionLinksBothWaysAndADeclinedOneShowsItsReason() throws Exception {
        long converted = motions.file(proposer, congress, new Motions.Draft("收费亭加装空调", "夏天太热。", "加装空调。",
                "SAFETY"));
        for (String action : List.of("/accept", "/convert", "/decline", "/assign")) {
            assertThat(status(post(admin(converted) + action).param("reason", "越权").param("handlingUnitId",
                    "" + other.unit().id()).param("dueOn", LocalDate.now().plusDays(5).toString()), otherOfficer))
                    .as(action).isEqualTo(404);
        }
        assertThat(outcome(post(admin(converted) + "/convert").param("note", "本单位可以解决"), officer))
                .isEqualTo("flash:voice.motion.admin.converted");
        long suggestion = motions.motion(converted).suggestionId();
        assertThat(page(motion(converted), proposer)).contains("/voice/suggestions/" + suggestion, "转为建议");
        assertThat(page("/voice/suggestions/" + suggestion, proposer)).contains("from-motion", "收费亭加装空调",
                motion(converted));
        assertThat(page("/voice-admin/suggestions/" + suggestion, officer)).contains(admin(converted));
        assertThat(page(admin(converted), officer)).contains("/voice-admin/suggestions/" + suggestion);

        long declined = motions.file(first, congress, new Motions.Draft("每人发一部手机", "联系不便。", "发手机。", "OTHER"));
        assertThat(outcome(post(admin(declined) + "/decline"), officer)).isEqualTo("error:voice.error.motion.reasonNeeded");
        assertThat(outcome(post(admin(declined) + "/decline").param("reason", "不属于提案范围"), officer))
                .isEqualTo("flash:voice.motion.admin.declined");
        assertThat(page(motion(declined), first)).contains("不属于提案范围", "不予立案");
        assertThat(page("/voice/congress", first)).contains("mine-" + declined);
        assertThat(perform(get(motion(declined)).with(as(colleague))).getStatus()).isEqualTo(404);
        assertThat(perform(get(motion(declined)).with(as(officer))).getRedirectedUrl())
                .as("an officer who is no representative goes to the officers' page").isEqualTo(admin(declined));
    }
}
