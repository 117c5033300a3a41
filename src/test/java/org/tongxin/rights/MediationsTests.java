package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
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
import org.tongxin.rights.internal.Mediation;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Labour-dispute mediation: only the company level (committee members, officers of the root) opens and runs cases,
 * fresh or from an appeal it handles; the 15-day limit, extended once by at most 15 days; the reminder before the limit
 * sent once even with two nodes; the applicant's own view; bad input refused with nothing saved.
 */
class MediationsTests extends IntegrationTestSupport {

    @Autowired
    Mediations mediations;
    @Autowired
    Appeals appeals;

    Fixtures.UnitWithDepartment station;
    OrgSetup.HrRow workerRow;
    Viewer worker;
    Viewer chair;
    Viewer rootOfficer;
    Viewer committee;
    long root;

    @BeforeEach
    void aStationWithAWorkerItsChairAndAnOfficerOfTheRoot() {
        station = fixtures.grassroots("调解测试收费站");
        workerRow = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow r = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "mediation.csv", List.of(workerRow, c, r));
        long workerId = fixtures.employeeId(workerRow.employeeNo());
        worker = Fixtures.employee(fixtures.accountId(workerId), workerId);
        root = station.unit().parentId();
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long rootAccount = fixtures.accountId(fixtures.employeeId(r.employeeNo()));
        rootOfficer = Fixtures.officerWithoutCare(rootAccount, root);
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    long fresh(Viewer by) {
        return mediations.open(by, new Mediations.Opening(null, workerRow.employeeNo(), "收费站管理方",
                "补发三个月加班费。"));
    }

    @Test
    void theCommitteeOpensACaseForAnEmployeeWithAFifteenDayLimitAndTheApplicantIsTold() {
        long id = fresh(committee);

        Mediations.CaseView seen = mediations.view(committee, id);
        assertThat(seen.mediation().applicantId()).isEqualTo(worker.employeeId());
        assertThat(seen.applicant().name()).isEqualTo(workerRow.name());
        assertThat(seen.claim()).isEqualTo("补发三个月加班费。");
        assertThat(seen.mediation().unitId()).isEqualTo(root);
        assertThat(seen.mediation().limitOn()).isEqualTo(mediations.today().plusDays(15));
        assertThat(seen.daysLeft()).isEqualTo(15);
        assertThat(jdbc.sql("SELECT claim_enc FROM rights_mediation WHERE id = ?").param(id).query(String.class)
                .single()).as("encrypted at rest").doesNotContain("加班费");
        assertThat(mediations.view(rootOfficer, id).claim()).as("an officer of the root acts too")
                .isEqualTo("补发三个月加班费。");
        Awaitility.await("the applicant is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(worker.employeeId(), "你的调解申请已受理（#" + id + "）").query(Long.class).single() == 1);
        assertThat(mediations.list(committee, "open", 0, 500).items()).anyMatch(r -> r.mediation().id() == id
                && workerRow.name().equals(r.applicantName()));
    }

    @Test
    void anOrdinaryUnitOfficerReachesNoCaseAndOpensNone() {
        long id = fresh(committee);
        long before = jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single();

        assertThat(mediations.acts(chair)).isFalse();
        assertThatThrownBy(() -> fresh(chair)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.view(chair, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.list(chair, "all", 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.addSession(chair, id, mediations.today(), "双方", "越权"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.extend(chair, id, 5, "越权")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.close(chair, id, Mediation.Status.WITHDRAWN, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mediations.view(worker, id)).as("the applicant has their own view")
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation_session WHERE mediation_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(mediations.find(id).orElseThrow().status()).isEqualTo(Mediation.Status.OPEN);
    }

    @Test
    void aConfidentialAppealHandledByTheCommitteeMovesToMediationWithTheAppellantApplyingAndNoNameInTheAudit() {
        long appeal = appeals.raise(worker, new Appeals.Raise(AppealCategory.HARASSMENT, Appeal.Identity.CONFIDENTIAL,
                "班长多次言语骚扰。", "调离并道歉。"));
        appeals.accept(committee, appeal);
        assertThat(mediations.fromAppeal(committee, appeal).appellantName()).isEqualTo(workerRow.name());
        assertThatThrownBy(() -> mediations.open(chair, new Mediations.Opening(appeal, null, "班长", "道歉")))
                .isInstanceOf(NotFoundException.class);

        long id = mediations.open(committee, new Mediations.Opening(appeal, "ignored", "班长", "调离并道歉。"));

        assertThat(appeals.find(appeal).orElseThrow().status()).isEqualTo(Appeal.Status.MEDIATION);
        Mediation m = mediations.find(id).orElseThrow();
        assertThat(m.appealId()).isEqualTo(appeal);
        assertThat(m.applicantId()).isEqualTo(worker.employeeId());
        assertThat(mediations.view(committee, id).applicant().name()).isEqualTo(workerRow.name());
        mediations.addSession(committee, id, mediations.today(), workerRow.name() + "、班长、调解员", "双方陈述。");
        mediations.close(committee, id, Mediation.Status.AGREED, "班长书面道歉，调整班组。", mediations.today());
        assertThatThrownBy(() -> mediations.open(committee, new Mediations.Opening(appeal, null, "班长", "再来一次")))
                .as("one case per appeal").isInstanceOf(Refusal.class);
        List<String> audit = jdbc.sql("SELECT concat_ws(' ', summary, before::text, after::text) FROM audit_event"
                + " WHERE target_type = 'rights_mediation' AND target_id = ?").param(String.valueOf(id))
                .query(String.class).list();
        assertThat(audit).hasSizeGreaterThanOrEqualTo(4).noneMatch(line -> line.contains(workerRow.name()));
    }

    @Test
    void anAnonymousAppealCannotGoToMediationAndNothingChanges() {
        long appeal = appeals.raise(worker, new Appeals.Raise(AppealCategory.SAFETY, Appeal.Identity.ANONYMOUS,
                "夜班照明不足。", "加装路灯。"));
        appeals.accept(committee, appeal);
        long before = jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single();

        assertThatThrownBy(() -> mediations.open(committee, new Mediations.Opening(appeal, null, "养护中心", "加装路灯")))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.anonymous");

        assertThat(appeals.find(appeal).orElseThrow().status()).isEqualTo(Appeal.Status.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single()).isEqualTo(before);
        assertThat(mediations.fromAppeal(committee, appeal).appellantName()).as("anonymous stays so").isNull();
    }

    @Test
    void theLimitIsExtendedOnceByAtMostFifteenDaysWithAReasonAndNotOnceItHasPassed() {
        long id = fresh(committee);
        LocalDate accepted = mediations.today();

        assertThatThrownBy(() -> mediations.extend(committee, id, 16, "双方同意")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> mediations.extend(committee, id, 10, "  ")).isInstanceOf(Refusal.class);
        assertThat(mediations.find(id).orElseThrow().extendedDays()).isZero();
        mediations.extend(committee, id, 10, "双方同意延期，待补充考勤材料");
        Mediation extended = mediations.find(id).orElseThrow();
        assertThat(extended.limitOn()).isEqualTo(accepted.plusDays(25));
        assertThat(extended.extensionReason()).isEqualTo("双方同意延期，待补充考勤材料");
        assertThatThrownBy(() -> mediations.extend(committee, id, 5, "再延"))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.extendedOnce");
        assertThat(mediations.find(id).orElseThrow().extendedDays()).isEqualTo(10);

        long late = fresh(committee);
        jdbc.sql("UPDATE rights_mediation SET accepted_on = ? WHERE id = ?").params(accepted.minusDays(16), late)
                .update();
        assertThat(mediations.view(committee, late).overdue()).isTrue();
        assertThatThrownBy(() -> mediations.extend(committee, late, 5, "双方同意"))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.limitPassed");
    }

    @Test
    void theCommitteeIsRemindedOnceThreeDaysBeforeTheLimitEvenWithTwoNodesAndAgainAfterAnExtension() throws Exception {
        long id = fresh(committee);
        LocalDate today = mediations.today();
        assertThat(mediations.remind(today)).doesNotContain(id);
        jdbc.sql("UPDATE rights_mediation SET accepted_on = ? WHERE id = ?").params(today.minusDays(12), id).update();

        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                gate.await();
                return mediations.remind(today);
            }));
        }
        gate.countDown();
        List<Long> reminded = new ArrayList<>();
        for (Future<List<Long>> run : runs) {
            reminded.addAll(run.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(reminded).containsOnlyOnce(id);
        assertThat(mediations.remind(today)).doesNotContain(id);
        mediations.extend(committee, id, 10, "双方同意延期");
        assertThat(mediations.remind(today)).as("the new limit is 13 days away").doesNotContain(id);
        assertThat(mediations.remind(today.plusDays(10))).containsOnlyOnce(id);
    }

    @Test
    void sessionsAndTheEndOfTheCaseAreWhatTheApplicantSeesWithoutTheMinutes() {
        long id = fresh(committee);
        LocalDate today = mediations.today();
        mediations.addSession(committee, id, today, "申请人、站长、调解员", "站长同意核对考勤。");
        mediations.addSession(committee, id, today, "申请人、站长、调解员", "双方就补发金额达成一致。");

        Mediations.ForApplicant open = mediations.forApplicant(worker).stream()
                .filter(x -> x.mediation().id() == id).findFirst().orElseThrow();
        assertThat(open.mediation().status()).isEqualTo(Mediation.Status.OPEN);
        assertThat(open.sessionDates()).containsExactly(today, today);
        assertThat(open.outcome()).isNull();
        assertThat(open.daysLeft()).isEqualTo(15);

        assertThatThrownBy(() -> mediations.close(committee, id, Mediation.Status.AGREED, " ", today))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.agreement");
        assertThatThrownBy(() -> mediations.close(committee, id, Mediation.Status.AGREED, "补发", today.plusDays(1)))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.agreedOn");
        mediations.close(committee, id, Mediation.Status.AGREED, "公司于下月工资中补发加班费6800元。", today);

        Mediations.ForApplicant ended = mediations.forApplicant(worker).stream()
                .filter(x -> x.mediation().id() == id).findFirst().orElseThrow();
        assertThat(ended.mediation().status()).isEqualTo(Mediation.Status.AGREED);
        assertThat(ended.mediation().closedOn()).isEqualTo(today);
        assertThat(ended.outcome()).isEqualTo("公司于下月工资中补发加班费6800元。");
        assertThatThrownBy(() -> mediations.addSession(committee, id, today, "双方", "结案后"))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.closed");
        assertThatThrownBy(() -> mediations.close(committee, id, Mediation.Status.REFERRED, null, null))
                .isInstanceOf(Refusal.class);
        assertThat(mediations.forApplicant(Fixtures.employee(chair.accountId(), 0L))).isEmpty();
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        long cases = jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single();
        assertThatThrownBy(() -> mediations.open(committee, new Mediations.Opening(null, "NO-SUCH-NUMBER", "站", "补发")))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.applicant");
        assertThatThrownBy(() -> mediations.open(committee, new Mediations.Opening(null, workerRow.employeeNo(), " ",
                "补发"))).isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.respondent");
        assertThatThrownBy(() -> mediations.open(committee, new Mediations.Opening(null, workerRow.employeeNo(), "站",
                "x".repeat(Mediations.MAX_TEXT + 1)))).isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single()).isEqualTo(cases);

        long id = fresh(committee);
        LocalDate today = mediations.today();
        assertThatThrownBy(() -> mediations.addSession(committee, id, today.minusDays(1), "双方", "受理前"))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.sessionDate");
        assertThatThrownBy(() -> mediations.addSession(committee, id, today.plusDays(1), "双方", "明天"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> mediations.addSession(committee, id, today, "双方", " "))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.minutes");
        assertThatThrownBy(() -> mediations.close(committee, id, Mediation.Status.OPEN, null, null))
                .isInstanceOf(Refusal.class).hasMessage("rights.mediation.error.outcome");
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation_session WHERE mediation_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(mediations.find(id).orElseThrow().status()).isEqualTo(Mediation.Status.OPEN);
    }

    @Test
    void aStationReferringAnAppealToMediationLetsTheCommitteeOpenTheCaseForIt() {
        long appeal = appeals.raise(worker, new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.NAMED,
                "待岗期间生活费少发。", "按标准补发。"));
        appeals.accept(chair, appeal);
        appeals.toMediation(chair, appeal);

        assertThat(appeals.view(committee, appeal).appeal().status()).isEqualTo(Appeal.Status.MEDIATION);
        Mediations.FromAppeal from = mediations.fromAppeal(committee, appeal);
        assertThat(from.wanted()).isEqualTo("按标准补发。");
        long id = mediations.open(committee, new Mediations.Opening(appeal, null, "收费站管理方", "按标准补发生活费。"));

        assertThat(mediations.view(committee, id).mediation().applicantId()).isEqualTo(worker.employeeId());
        assertThat(jdbc.sql("SELECT appeal_id FROM rights_mediation WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(appeal);
    }
}
