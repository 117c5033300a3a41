package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.Points;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.SuggestionScheme.Draft;

/** Every step of a suggestion's life, who may take it, its deadlines and chasing, and the points it earns. */
class SuggestionTests extends IntegrationTestSupport {

    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    Points points;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment owner;
    Viewer employee;
    Viewer officer;
    Viewer ownerOfficer;
    Viewer outsider;
    Viewer committee;

    @BeforeEach
    void people() {
        unit = fixtures.grassroots("建议测试工会");
        owner = fixtures.grassroots("建议承办工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice.csv", List.of(row));
        long id = fixtures.employeeId(row.employeeNo());
        employee = Fixtures.employee(fixtures.accountId(id), id);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        ownerOfficer = Fixtures.officer(fixtures.adminAccountId(), owner.unit().id());
        outsider = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("建议旁站工会").unit().id());
        committee = new Viewer(fixtures.adminAccountId(), null, "委员", Set.of(Role.OFFICER, Role.COMMITTEE), Set.of(),
                Set.of(), false);
    }

    private long submit(String title) {
        return suggestions.submit(employee, new Draft(title, "收费亭冬季漏风，职工手冻。", "给收费亭加装挡风门帘。",
                "职工冬季健康，减少病假。", false));
    }

    private String status(long id) {
        return suggestions.visible(employee, id).status();
    }

    @Test
    void aSuggestionGoesFromSubmittedToRecognisedWithANamedHolderAndPointsAtAdoptionAndRecognition() {
        long before = points.balance(employee.employeeId());
        long id = submit("收费亭加装挡风门帘");
        SuggestionScheme.Suggestion s = suggestions.visible(employee, id);
        assertThat(s.holderUnitId()).isEqualTo(unit.unit().id());
        assertThat(s.dueOn()).isAfter(LocalDate.now());

        assertThatThrownBy(() -> suggestions.accept(outsider, id)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> suggestions.assign(officer, id, owner.unit().id())).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.wrongStep");
        suggestions.accept(officer, id);
        suggestions.assign(officer, id, owner.unit().id());
        assertThat(suggestions.visible(employee, id).holderUnitId()).isEqualTo(owner.unit().id());
        assertThatThrownBy(() -> suggestions.adopt(officer, id, "")).isInstanceOf(RuntimeException.class);
        suggestions.adopt(ownerOfficer, id, "今冬先在两个车道试点");
        assertThat(points.balance(employee.employeeId())).isEqualTo(before + 20);
        suggestions.implemented(ownerOfficer, id, "已在全部车道安装");
        assertThatThrownBy(() -> suggestions.confirmValue(committee, id)).isInstanceOf(Refusal.class);
        suggestions.enterValue(ownerOfficer, id, new BigDecimal("36000"), "病假减少 40 天，按日均工资折算");
        assertThatThrownBy(() -> suggestions.enterValue(ownerOfficer, id, BigDecimal.ONE, "再改"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> suggestions.confirmValue(ownerOfficer, id)).isInstanceOf(NotFoundException.class);
        suggestions.confirmValue(committee, id);
        suggestions.recognise(committee, id, "评为年度优秀建议");
        assertThat(status(id)).isEqualTo("RECOGNISED");
        assertThat(suggestions.visible(employee, id).dueOn()).isNull();
        assertThat(points.balance(employee.employeeId())).isEqualTo(before + 70);
        assertThat(suggestions.timeline(id)).extracting(SuggestionScheme.Step::status).containsExactly("SUBMITTED",
                "ACCEPTED", "ASSIGNED", "ADOPTED", "IMPLEMENTED", "IMPLEMENTED", "VERIFIED", "RECOGNISED");
        assertThat(suggestions.board(100)).extracting(SuggestionScheme.Suggestion::id).contains(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(employee.employeeId(), "/voice/suggestions/" + id).query(Long.class).single() >= 6);
    }

    @Test
    void returnedAndDeclinedNeedAReasonAndStopThere() {
        long a = submit("食堂增加夜班热饭");
        assertThatThrownBy(() -> suggestions.returnIt(officer, a, " ")).isInstanceOf(Refusal.class);
        suggestions.returnIt(officer, a, "请补充具体班次");
        assertThat(status(a)).isEqualTo("RETURNED");
        assertThatThrownBy(() -> suggestions.accept(officer, a)).isInstanceOf(Refusal.class);
        long b = submit("停车场加装充电桩");
        suggestions.accept(officer, b);
        suggestions.assign(officer, b, owner.unit().id());
        suggestions.decline(ownerOfficer, b, "电网容量不足，明年再议");
        assertThat(suggestions.visible(employee, b).reason()).isEqualTo("电网容量不足，明年再议");
        assertThat(suggestions.visible(employee, b).dueOn()).isNull();
        assertThatThrownBy(() -> suggestions.visible(outsider, b)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOverdueStepIsChasedUpTheChainOneLevelADay() {
        long id = submit("道班宿舍更换热水器");
        jdbc.sql("UPDATE voice_suggestion SET due_on = current_date - 3 WHERE id = ?").param(id).update();
        assertThat(suggestions.chaseOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(suggestions.chaseOverdue()).as("once a day").isZero();
        jdbc.sql("UPDATE voice_suggestion SET chased_at = now() - interval '1 day' WHERE id = ?").param(id).update();
        suggestions.chaseOverdue();
        assertThat(jdbc.sql("SELECT chased FROM voice_suggestion WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(2);
        suggestions.accept(officer, id);
        assertThat(jdbc.sql("SELECT chased FROM voice_suggestion WHERE id = ?").param(id).query(Integer.class).single())
                .as("a step taken starts a fresh deadline").isZero();
    }

    @Test
    void twoNodesChasingAtTheSameMomentTellTheOfficersOnceUrgently() throws Exception {
        OrgSetup.HrRow chairRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice-chair.csv", List.of(chairRow));
        long chair = fixtures.employeeId(chairRow.employeeNo());
        fixtures.chair(fixtures.accountId(chair), unit.unit().id(), false);
        List<Long> ids = new ArrayList<>();
        for (String title : List.of("收费广场增设遮阳棚", "宿舍区增加晾衣架", "夜班增加一次巡逻")) {
            ids.add(submit(title + " " + System.nanoTime() % 100000));
        }
        jdbc.sql("UPDATE voice_suggestion SET due_on = current_date - 2 WHERE id IN (?, ?, ?)")
                .params(ids.get(0), ids.get(1), ids.get(2)).update();

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return suggestions.chaseOverdue();
                }));
            }
            go.countDown();
            for (Future<Integer> r : runs) {
                r.get(60, TimeUnit.SECONDS);
            }
        }

        for (long id : ids) {
            String title = "督办：合理化建议逾期 " + suggestions.visible(employee, id).title();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chased(chair, title) >= 1);
            Thread.sleep(300);
            assertThat(chased(chair, title)).as("one chase, not one per node").isEqualTo(1);
            assertThat(jdbc.sql("SELECT chased FROM voice_suggestion WHERE id = ?").param(id).query(Integer.class)
                    .single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                    .params(chair, title).query(String.class).single())
                    .isEqualTo("该建议自 " + LocalDate.now().minusDays(2) + " 起逾期未办，请督促办理。");
            // An escalation goes out at once on the outside channels, whatever the chair's quiet hours or digest.
            assertThat(jdbc.sql("SELECT count(*) FILTER (WHERE urgent), count(*) FROM notice_outbox"
                            + " WHERE employee_id = ? AND title = ?")
                    .params(chair, title).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                    .satisfies(c -> assertThat(c.get(1)).isPositive().isEqualTo(c.get(0)));
        }
    }

    private long chased(long officer, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(officer, title).query(Long.class).single();
    }

    @Test
    void similarTitlesAreFoundWhileTypingAndThePointsLedgerCannotBeChanged() {
        submit("收费站卫生间加装暖风机");
        assertThat(suggestions.similar("卫生间暖风机", 5)).extracting(SuggestionScheme.Suggestion::title)
                .contains("收费站卫生间加装暖风机");
        points.credit(employee.employeeId(), 5, "HONOUR", "honour:test", "测试", unit.unit().id(), null);
        assertThat(points.credit(employee.employeeId(), 5, "HONOUR", "honour:test", "测试", unit.unit().id(), null))
                .as("the same source and reference credits once").isFalse();
        assertThatThrownBy(() -> jdbc.sql("UPDATE voice_points SET points = 500 WHERE employee_id = ?")
                .param(employee.employeeId()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM voice_points WHERE employee_id = ?")
                .param(employee.employeeId()).update()).hasMessageContaining("append-only");
    }
}
