package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.MotionQueries;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.Motions.Draft;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * Every step of a workers' congress motion and every refusal: the window, representatives only, no co-signing one's
 * own or twice, enough co-signers before acceptance, the handling unit alone answering, one reopening and no second;
 * conversion to a suggestion in the proposer's name; representatives added all or nothing.
 */
class MotionTests extends IntegrationTestSupport {

    @Autowired
    Motions motions;
    @Autowired
    MotionQueries queries;
    @Autowired
    SuggestionScheme suggestions;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment handling;
    Fixtures.UnitWithDepartment elsewhere;
    List<OrgSetup.HrRow> rows = new ArrayList<>();
    List<Viewer> people = new ArrayList<>();
    Viewer proposer;
    Viewer second;
    Viewer third;
    Viewer notRep;
    OrgSetup.HrRow outsiderRow;
    Viewer officer;
    Viewer handlingOfficer;
    Viewer otherOfficer;
    long congress;

    @BeforeEach
    void aSessionWithThreeRepresentatives() {
        unit = fixtures.grassroots("提案测试工会");
        handling = fixtures.grassroots("提案承办单位");
        elsewhere = fixtures.grassroots("提案旁站工会");
        rows.clear();
        people.clear();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        outsiderRow = Fixtures.row(elsewhere.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "motions.csv", rows);
        orgSetup.importEmployees(admin, "motions-outside.csv", List.of(outsiderRow));
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        proposer = people.get(0);
        second = people.get(1);
        third = people.get(2);
        notRep = people.get(3);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        handlingOfficer = Fixtures.officer(fixtures.adminAccountId(), handling.unit().id());
        otherOfficer = Fixtures.officer(fixtures.adminAccountId(), elsewhere.unit().id());
        LocalDate today = LocalDate.now();
        congress = motions.createCongress(officer, unit.unit().id(), "第三届职工代表大会第二次会议", today.minusDays(1),
                today.plusDays(5), 2);
        assertThat(motions.addRepresentatives(officer, congress, rows.get(0).employeeNo() + "\n"
                + rows.get(1).employeeNo() + "，" + rows.get(2).employeeNo() + " " + rows.get(0).employeeNo()))
                .isEqualTo(3);
    }

    private long file(Viewer who, String title) {
        return motions.file(who, congress, new Draft(title, "夜班职工下班后没有班车回家。",
                "建议公司与公交公司协商开通夜班职工专线。", "WELFARE"));
    }

    private String status(long id) {
        return motions.motion(id).status();
    }

    @Test
    void aMotionIsFiledCosignedAcceptedAssignedAnsweredReopenedOnceAndClosed() {
        long id = file(proposer, "开通夜班职工班车");
        assertThat(status(id)).isEqualTo("FILED");
        assertThat(queries.toCosign(second.employeeId(), LocalDate.now())).extracting(Motions.Motion::id).contains(id);
        assertThat(queries.toCosign(proposer.employeeId(), LocalDate.now())).extracting(Motions.Motion::id)
                .doesNotContain(id);

        assertThatThrownBy(() -> motions.cosign(proposer, id)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.ownMotion");
        assertThatThrownBy(() -> motions.cosign(notRep, id)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.notRepresentative");
        assertThatThrownBy(() -> motions.accept(officer, id, "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.tooFewCosigners");
        motions.cosign(second, id);
        assertThatThrownBy(() -> motions.cosign(second, id)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.alreadyCosigned");
        assertThatThrownBy(() -> motions.accept(officer, id, "")).as("one of two").isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.tooFewCosigners");
        motions.cosign(third, id);
        assertThat(motions.motion(id).cosigns()).isEqualTo(2);

        assertThatThrownBy(() -> motions.accept(otherOfficer, id, "")).as("another unit's officer")
                .isNotInstanceOf(Refusal.class).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> motions.assign(officer, id, handling.unit().id(), LocalDate.now().plusDays(20)))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.wrongStep");
        motions.accept(officer, id, "符合立案条件");
        assertThat(motions.motion(id).caseNo()).isEqualTo(1);
        assertThatThrownBy(() -> motions.cosign(third, id)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> motions.assign(officer, id, handling.unit().id(), LocalDate.now()))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.badDue");
        motions.assign(officer, id, handling.unit().id(), LocalDate.now().plusDays(20));
        Motions.Motion assigned = motions.motion(id);
        assertThat(assigned.status()).isEqualTo("ASSIGNED");
        assertThat(assigned.handlingUnitId()).isEqualTo(handling.unit().id());
        assertThat(assigned.dueOn()).isEqualTo(LocalDate.now().plusDays(20));
        assertThat(queries.toAnswer(handlingOfficer)).extracting(Motions.Motion::id).contains(id);
        assertThat(queries.toAnswer(otherOfficer)).extracting(Motions.Motion::id).doesNotContain(id);

        assertThatThrownBy(() -> motions.answer(otherOfficer, id, "我们来答复")).as("the wrong unit answering")
                .isNotInstanceOf(Refusal.class).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> motions.answer(officer, id, "审查单位代答")).as("the session's unit is not the handler")
                .isNotInstanceOf(Refusal.class).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> motions.rate(proposer, id, "SATISFIED", "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.wrongStep");
        assertThatThrownBy(() -> motions.answer(handlingOfficer, id, " ")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.answerRequired");
        motions.answer(handlingOfficer, id, "已与公交公司协商，下月起试开一条夜班专线。");
        assertThat(status(id)).isEqualTo("ANSWERED");
        assertThat(motions.motion(id).dueOn()).isNull();

        assertThatThrownBy(() -> motions.rate(second, id, "SATISFIED", "")).as("a co-signer does not rate")
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.notProposer");
        assertThatThrownBy(() -> motions.rate(proposer, id, "NOT_SATISFIED", " ")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.reopenReason");
        assertThatThrownBy(() -> motions.rate(proposer, id, "GREAT", "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.rating");
        motions.rate(proposer, id, "NOT_SATISFIED", "试开时间不确定，没有说明线路");
        Motions.Motion reopened = motions.motion(id);
        assertThat(reopened.status()).isEqualTo("REOPENED");
        assertThat(reopened.dueOn()).isAfter(LocalDate.now());
        assertThat(queries.toAnswer(handlingOfficer)).extracting(Motions.Motion::id).contains(id);

        motions.answer(handlingOfficer, id, "专线 3 月 1 日开通，经停三个职工住宅小区。");
        motions.rate(proposer, id, "NOT_SATISFIED", "仍然只有一班");
        assertThat(status(id)).as("the second rating is final: no second reopening").isEqualTo("CLOSED");
        assertThatThrownBy(() -> motions.rate(proposer, id, "SATISFIED", "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.wrongStep");
        assertThatThrownBy(() -> motions.answer(handlingOfficer, id, "第三次答复")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.wrongStep");
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO voice_motion_answer (motion_id, round, text, unit_id, answered_by)
                        VALUES (?, 3, '第三次', ?, 1)""").params(id, handling.unit().id()).update())
                .as("the database keeps two answers at most").hasMessageContaining("voice_motion_answer_round_check");

        assertThat(motions.answers(id)).extracting(Motions.Answer::rating).containsExactly("NOT_SATISFIED",
                "NOT_SATISFIED");
        assertThat(motions.timeline(id)).extracting(Motions.Step::kind).containsExactly("FILED", "ACCEPTED",
                "ASSIGNED", "ANSWERED", "REOPENED", "ANSWERED", "CLOSED");
        assertThat(queries.satisfaction(congress)).containsEntry("NOT_SATISFIED", 1L).containsEntry("REOPENED_ONCE", 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'voice.motion.%' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(9);
        // Told at acceptance, assignment, both answers; the co-signers too.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(proposer.employeeId(), "/voice/congress/motions/" + id).query(Long.class).single() >= 6);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(second.employeeId(), "/voice/congress/motions/" + id).query(Long.class).single() >= 4);
    }

    @Test
    void onlyRepresentativesFileAndOnlyInsideTheWindow() {
        assertThatThrownBy(() -> file(notRep, "非代表提案")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.notRepresentative");
        assertThatThrownBy(() -> motions.file(proposer, congress, new Draft("题目", "案由", "办法", "SPORTS")))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.category");
        assertThatThrownBy(() -> motions.file(proposer, congress, new Draft("题目", " ", "办法", "OTHER")))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.reasonRequired");
        long id = file(proposer, "职工食堂增加窗口");
        LocalDate today = LocalDate.now();
        motions.updateCongress(officer, congress, today.minusDays(10), today.minusDays(1), 2);
        assertThatThrownBy(() -> file(proposer, "窗口已关")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.windowClosed");
        assertThatThrownBy(() -> motions.cosign(second, id)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.windowClosed");
        motions.updateCongress(officer, congress, today.plusDays(1), today.plusDays(9), 2);
        assertThatThrownBy(() -> file(proposer, "窗口未开")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.windowClosed");
        assertThatThrownBy(() -> motions.updateCongress(otherOfficer, congress, today, today, 2))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(Refusal.class);
        assertThatThrownBy(() -> motions.updateCongress(officer, congress, today, today.minusDays(1), 2))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.badDates");
        motions.updateCongress(officer, congress, today, today, 0);
        assertThat(motions.congress(congress).cosignersNeeded()).isZero();
        motions.accept(officer, id, "");
        assertThat(status(id)).as("with no co-signers needed").isEqualTo("ACCEPTED");
    }

    @Test
    void representativesAreAddedAllOrNothingFromTheUnitsSubtreeAndRemoved() {
        List<Long> before = motions.representatives(congress);
        Motions.NumbersRefused unknown = (Motions.NumbersRefused) org.assertj.core.api.Assertions.catchThrowable(() ->
                motions.addRepresentatives(officer, congress, rows.get(3).employeeNo() + " NOBODY-1 NOBODY-2"));
        assertThat(unknown.messageKey()).isEqualTo("voice.error.motion.unknownNumbers");
        assertThat(unknown.unknown()).containsExactly("NOBODY-1", "NOBODY-2");
        Motions.NumbersRefused outside = (Motions.NumbersRefused) org.assertj.core.api.Assertions.catchThrowable(() ->
                motions.addRepresentatives(officer, congress, rows.get(3).employeeNo() + "," + outsiderRow.employeeNo()));
        assertThat(outside.messageKey()).isEqualTo("voice.error.motion.outsideUnit");
        assertThat(outside.outside()).containsExactly(outsiderRow.employeeNo());
        assertThat(motions.representatives(congress)).as("nothing half-saved").isEqualTo(before);
        assertThatThrownBy(() -> motions.addRepresentatives(officer, congress, " \n ")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.noNumbers");
        assertThatThrownBy(() -> motions.addRepresentatives(otherOfficer, congress, rows.get(3).employeeNo()))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(Refusal.class);

        assertThat(motions.addRepresentatives(officer, congress, rows.get(3).employeeNo())).isOne();
        assertThat(motions.representatives(congress)).hasSize(4).contains(notRep.employeeId());
        motions.removeRepresentative(officer, congress, notRep.employeeId());
        assertThatThrownBy(() -> motions.removeRepresentative(officer, congress, notRep.employeeId()))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.motion.notRepresentative");
        assertThatThrownBy(() -> file(notRep, "已不是代表")).isInstanceOf(Refusal.class);
        assertThat(queries.asRepresentative(proposer.employeeId())).extracting(Motions.Congress::id).contains(congress);
        assertThat(queries.asRepresentative(notRep.employeeId())).extracting(Motions.Congress::id)
                .doesNotContain(congress);
        assertThatThrownBy(() -> motions.createCongress(otherOfficer, unit.unit().id(), "越权会议", LocalDate.now(),
                LocalDate.now(), 2)).isInstanceOf(RuntimeException.class).isNotInstanceOf(Refusal.class);
    }

    @Test
    void aMotionIsConvertedToASuggestionInTheProposersNameOrDeclinedWithAReason() {
        long converted = file(proposer, "收费亭加装空调");
        long suggestion = motions.convert(officer, converted, "属于本单位可以解决的事项");
        Motions.Motion m = motions.motion(converted);
        assertThat(m.status()).isEqualTo("CONVERTED");
        assertThat(m.suggestionId()).isEqualTo(suggestion);
        SuggestionScheme.Suggestion s = suggestions.visible(proposer, suggestion);
        assertThat(s.submitterId()).isEqualTo(proposer.employeeId());
        assertThat(s.anonymous()).isFalse();
        assertThat(s.status()).isEqualTo("SUBMITTED");
        assertThat(s.unitId()).isEqualTo(unit.unit().id());
        assertThat(s.title()).isEqualTo("收费亭加装空调");
        assertThat(s.problem()).isEqualTo("夜班职工下班后没有班车回家。");
        assertThat(motions.fromSuggestion(suggestion)).map(Motions.Motion::id).contains(converted);
        assertThat(suggestions.timeline(suggestion).getFirst().note()).contains("职代会提案");
        suggestions.accept(officer, suggestion);
        assertThatThrownBy(() -> motions.accept(officer, converted, "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.wrongStep");

        long declined = file(proposer, "给每位职工发手机");
        assertThatThrownBy(() -> motions.decline(officer, declined, "")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.motion.reasonNeeded");
        motions.decline(officer, declined, "不属于职代会提案范围");
        assertThat(motions.motion(declined).declineReason()).isEqualTo("不属于职代会提案范围");
        assertThatThrownBy(() -> motions.convert(officer, declined, "")).isInstanceOf(Refusal.class);

        long satisfied = file(second, "改善职工之家健身器材");
        motions.cosign(proposer, satisfied);
        motions.cosign(third, satisfied);
        motions.accept(officer, satisfied, "");
        motions.assign(officer, satisfied, unit.unit().id(), LocalDate.now().plusDays(10));
        motions.answer(officer, satisfied, "已采购跑步机两台。");
        motions.rate(second, satisfied, "SATISFIED", "谢谢");
        assertThat(status(satisfied)).isEqualTo("CLOSED");
        assertThat(motions.motion(satisfied).caseNo()).isEqualTo(1);
        assertThat(queries.counts(congress)).containsEntry("CONVERTED", 1L).containsEntry("DECLINED", 1L)
                .containsEntry("CLOSED", 1L).containsEntry("FILED", 0L);
        assertThat(queries.satisfaction(congress)).containsEntry("SATISFIED", 1L).containsEntry("BASIC", 0L);
        assertThat(queries.publicOf(List.of(congress))).extracting(Motions.Motion::id).containsExactly(satisfied);
    }

    @Test
    void theDatabaseRefusesCosigningOnesOwnAndTwiceAndWhoSeesWhat() {
        long id = file(proposer, "增加职工体检项目");
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO voice_motion_cosign (motion_id, proposer_id, employee_id) VALUES (?, ?, ?)""")
                .params(id, proposer.employeeId(), proposer.employeeId()).update())
                .hasMessageContaining("voice_motion_cosign_check");
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO voice_motion_cosign (motion_id, proposer_id, employee_id) VALUES (?, ?, ?)""")
                .params(id, second.employeeId(), third.employeeId()).update())
                .as("the proposer carried must be the motion's").hasMessageContaining("foreign key");
        motions.cosign(second, id);
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO voice_motion_cosign (motion_id, proposer_id, employee_id) VALUES (?, ?, ?)""")
                .params(id, proposer.employeeId(), second.employeeId()).update())
                .hasMessageContaining("voice_motion_cosign_pkey");

        Viewer outsider = Fixtures.employee(fixtures.accountId(fixtures.employeeId(outsiderRow.employeeNo())),
                fixtures.employeeId(outsiderRow.employeeNo()));
        assertThat(motions.visibleToEmployee(notRep, motions.motion(id))).as("filed: representatives only").isFalse();
        assertThat(motions.visibleToEmployee(third, motions.motion(id))).isTrue();
        motions.cosign(third, id);
        motions.accept(officer, id, "");
        assertThat(motions.visibleToEmployee(notRep, motions.motion(id))).as("formal: the unit's people").isTrue();
        assertThat(motions.visibleToEmployee(outsider, motions.motion(id))).isFalse();
        assertThat(motions.visibleToOfficer(officer, motions.motion(id))).isTrue();
        assertThat(motions.visibleToOfficer(handlingOfficer, motions.motion(id))).isFalse();
        motions.assign(officer, id, handling.unit().id(), LocalDate.now().plusDays(3));
        assertThat(motions.visibleToOfficer(handlingOfficer, motions.motion(id))).isTrue();
        assertThat(motions.visibleToOfficer(otherOfficer, motions.motion(id))).isFalse();
        assertThat(queries.ofEmployeesUnits(notRep.employeeId())).extracting(Motions.Congress::id).contains(congress);
        assertThat(queries.ofOfficer(officer)).extracting(Motions.Congress::id).contains(congress);
        assertThat(queries.ofOfficer(otherOfficer)).extracting(Motions.Congress::id).doesNotContain(congress);
    }
}
