package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class AppealsTests extends IntegrationTestSupport {

    @Autowired
    Appeals appeals;

    Fixtures.UnitWithDepartment station;
    Fixtures.UnitWithDepartment other;
    Viewer worker;
    String workerName;
    Viewer chair;
    Viewer otherChair;
    Viewer committee;
    long root;

    @BeforeEach
    void aStationWithItsChairAndAnotherStation() {
        station = fixtures.grassroots("诉求测试收费站");
        other = fixtures.grassroots("诉求测试服务区");
        OrgSetup.HrRow w = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "appeals.csv", List.of(w, c, o));
        long workerId = fixtures.employeeId(w.employeeNo());
        workerName = w.name();
        worker = Fixtures.employee(fixtures.accountId(workerId), workerId);
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long otherAccount = fixtures.accountId(fixtures.employeeId(o.employeeNo()));
        fixtures.chair(otherAccount, other.unit().id(), false);
        otherChair = Fixtures.officerWithoutCare(otherAccount, other.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        root = station.unit().parentId();
    }

    long raise(AppealCategory category, Appeal.Identity identity) {
        return appeals.raise(worker, new Appeals.Raise(category, identity, "三个月的加班费没有发。", "补发加班费。"));
    }

    @Test
    void aWageConcernIsHandledByTheStationAndReopenedAtTheUnitAboveWhenUnsatisfied() {
        long id = raise(AppealCategory.WAGES, Appeal.Identity.NAMED);

        Appeals.View seen = appeals.view(chair, id);
        assertThat(seen.appeal().routeUnitId()).isEqualTo(station.unit().id());
        assertThat(seen.appellantName()).isEqualTo(workerName);
        assertThat(seen.happened()).isEqualTo("三个月的加班费没有发。");
        assertThat(seen.handler()).isTrue();
        assertThat(seen.appeal().acceptDue()).isAfter(appeals.today());
        Awaitility.await("the station's chair is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification n JOIN account a ON a.employee_id = n.employee_id "
                                + "WHERE a.id = ? AND n.title = ?").params(chair.accountId(), "新诉求 #" + id + " 待受理")
                .query(Long.class).single() == 1);

        appeals.accept(chair, id);
        appeals.record(chair, id, "CONTACTED", "已联系收费站站长核对考勤。");
        appeals.reply(chair, id, "已核实，下月随工资补发。");

        Appeals.View mine = appeals.view(worker, id);
        assertThat(mine.reply()).isEqualTo("已核实，下月随工资补发。");
        assertThat(mine.steps()).extracting(Appeals.Step::kind)
                .containsExactly("RAISED", "ACCEPTED", "CONTACTED", "REPLIED");
        assertThat(mine.steps().get(2).note()).isEqualTo("已联系收费站站长核对考勤。");
        assertThat(mine.appeal().status()).isEqualTo(Appeal.Status.REPLIED);

        appeals.rate(worker, id, Appeal.Rating.UNSATISFIED, true);

        Appeal reopened = appeals.find(id).orElseThrow();
        assertThat(reopened.status()).isEqualTo(Appeal.Status.SUBMITTED);
        assertThat(reopened.routeUnitId()).isEqualTo(root);
        assertThat(reopened.reopened()).isTrue();
        assertThat(appeals.view(chair, id).handler()).as("the station still reads it, no longer acts").isFalse();
        assertThatThrownBy(() -> appeals.accept(chair, id)).isInstanceOf(NotFoundException.class);
        appeals.accept(committee, id);
        appeals.reply(committee, id, "公司工会已督促补发。");
        assertThatThrownBy(() -> appeals.rate(worker, id, Appeal.Rating.UNSATISFIED, true))
                .as("only once").isInstanceOf(Refusal.class);
        appeals.rate(worker, id, Appeal.Rating.UNSATISFIED, false);
        assertThat(appeals.find(id).orElseThrow().status()).isEqualTo(Appeal.Status.CLOSED);
    }

    @Test
    void anOfficerOutsideTheRouteCannotReachTheAppealOrActOnIt() {
        long id = raise(AppealCategory.WAGES, Appeal.Identity.NAMED);

        assertThatThrownBy(() -> appeals.view(otherChair, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appeals.accept(otherChair, id)).isInstanceOf(NotFoundException.class);
        assertThat(appeals.forOfficer(otherChair, false, 0, 100).items())
                .noneMatch(r -> r.appeal().id() == id);
        assertThat(appeals.forOfficer(chair, true, 0, 100).items()).anyMatch(r -> r.appeal().id() == id);
        Viewer stranger = Fixtures.employee(fixtures.accountId(fixtures.employeeId(
                jdbc.sql("SELECT emp_no FROM employee WHERE id <> ? ORDER BY id LIMIT 1").param(worker.employeeId())
                        .query(String.class).single())), 0L);
        assertThatThrownBy(() -> appeals.view(stranger, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void harassmentGoesToTheCommitteeAndNeverToThePersonsOwnLine() {
        long id = raise(AppealCategory.HARASSMENT, Appeal.Identity.CONFIDENTIAL);

        Appeal a = appeals.find(id).orElseThrow();
        assertThat(a.routeUnitId()).isEqualTo(root);
        assertThatThrownBy(() -> appeals.view(chair, id)).as("the person's own chair")
                .isInstanceOf(NotFoundException.class);
        assertThat(appeals.forOfficer(chair, false, 0, 100).items()).noneMatch(r -> r.appeal().id() == id);
        Appeals.View atCommittee = appeals.view(committee, id);
        assertThat(atCommittee.handler()).isTrue();
        assertThat(atCommittee.appellantName()).as("the handling officers see a confidential name")
                .isEqualTo(workerName);
    }

    @Test
    void aConfidentialNameIsShownOnlyToThoseHandlingItNowAndNeverInTheAuditTrail() {
        long id = raise(AppealCategory.WAGES, Appeal.Identity.CONFIDENTIAL);
        assertThat(appeals.view(chair, id).appellantName()).isEqualTo(workerName);
        appeals.accept(chair, id);

        assertThat(appeals.escalateOverdue(appeals.today().plusDays(40))).isPositive();

        Appeals.View before = appeals.view(chair, id);
        assertThat(before.handler()).isFalse();
        assertThat(before.appellantName()).as("no longer handling: the name is hidden").isNull();
        assertThat(appeals.forOfficer(chair, false, 0, 100).items()).filteredOn(r -> r.appeal().id() == id)
                .singleElement().extracting(Appeals.Row::appellantName).isNull();
        assertThat(appeals.view(committee, id).appellantName()).isEqualTo(workerName);
        List<String> audit = jdbc.sql("SELECT concat_ws(' ', summary, before::text, after::text, actor_name) "
                + "FROM audit_event WHERE target_type = 'rights_appeal' AND target_id = ?").param(String.valueOf(id))
                .query(String.class).list();
        assertThat(audit).isNotEmpty().noneMatch(line -> line.contains(workerName));
    }

    @Test
    void anAnonymousAppealShowsNoNameToAnyoneButIsRefusedForWages() {
        assertThatThrownBy(() -> raise(AppealCategory.WAGES, Appeal.Identity.ANONYMOUS)).isInstanceOf(Refusal.class);
        long id = raise(AppealCategory.LIVING, Appeal.Identity.ANONYMOUS);

        Appeals.View seen = appeals.view(chair, id);
        assertThat(seen.handler()).isTrue();
        assertThat(seen.appellantName()).isNull();
        assertThat(seen.appellantNo()).isNull();
        assertThat(appeals.view(worker, id).appellantName()).as("the appellant sees their own").isNotNull();
    }

    @Test
    void anOverdueAppealMovesUpOnceEvenWithTwoNodesRunningTheJob() throws Exception {
        long id = raise(AppealCategory.LIVING, Appeal.Identity.NAMED);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                gate.await();
                return appeals.escalateOverdue(appeals.today().plusDays(7));
            }));
        }
        gate.countDown();
        for (Future<Integer> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Appeal moved = appeals.find(id).orElseThrow();
        assertThat(moved.routeUnitId()).isEqualTo(root);
        assertThat(moved.escalations()).isEqualTo(1);
        assertThat(appeals.view(worker, id).steps()).extracting(Appeals.Step::kind).containsOnlyOnce("ESCALATED");
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM rights_appeal").query(Long.class).single();
        assertThatThrownBy(() -> appeals.raise(worker, new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.NAMED,
                " ", "补发"))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> appeals.raise(worker, new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.NAMED,
                "x".repeat(Appeals.MAX_TEXT + 1), "补发"))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> appeals.raise(worker, new Appeals.Raise(null, Appeal.Identity.NAMED, "a", "b")))
                .isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_appeal").query(Long.class).single()).isEqualTo(before);
        long id = raise(AppealCategory.WAGES, Appeal.Identity.NAMED);
        assertThatThrownBy(() -> appeals.reply(chair, id, "还没受理")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> appeals.record(chair, id, "NOTE", "还没受理")).isInstanceOf(Refusal.class);
        appeals.accept(chair, id);
        assertThatThrownBy(() -> appeals.record(chair, id, "HACK", "x")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> appeals.rate(worker, id, Appeal.Rating.SATISFIED, false)).isInstanceOf(Refusal.class);
    }
}
