package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Legal aid: an employee asks, the company-level desk books it (the employee is told), records the outcome or calls it
 * off with a reason; the employee may withdraw; an ordinary unit officer reaches nothing; bad input is refused with
 * nothing saved.
 */
class LegalAidTests extends IntegrationTestSupport {

    @Autowired
    LegalAid aid;

    Viewer worker;
    Viewer colleague;
    Viewer chair;
    Viewer committee;

    @BeforeEach
    void anEmployeeAColleagueTheirChairAndTheCommittee() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("援助测试收费站");
        OrgSetup.HrRow w = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "aid.csv", List.of(w, o, c));
        long workerId = fixtures.employeeId(w.employeeNo());
        worker = Fixtures.employee(fixtures.accountId(workerId), workerId);
        long otherId = fixtures.employeeId(o.employeeNo());
        colleague = Fixtures.employee(fixtures.accountId(otherId), otherId);
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    long ask() {
        return aid.request(worker, new LegalAid.Ask("劳动合同", "合同到期公司不续签，有没有经济补偿？",
                LegalAid.Provider.UNION_LAWYER));
    }

    @Test
    void theDeskBooksARequestTheEmployeeIsToldAndSeesTheOutcome() {
        long id = ask();
        assertThat(aid.desk(committee, "open", 0, 500).items()).anyMatch(r -> r.request().id() == id);
        assertThat(aid.view(committee, id).question()).isEqualTo("合同到期公司不续签，有没有经济补偿？");
        assertThat(jdbc.sql("SELECT question_enc FROM rights_legal_aid WHERE id = ?").param(id).query(String.class)
                .single()).as("encrypted at rest").doesNotContain("补偿");

        LocalDateTime at = LocalDateTime.now().plusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0);
        aid.book(committee, id, at, "王律师");

        LegalAid.Mine mine = aid.mine(worker).stream().filter(m -> m.request().id() == id).findFirst().orElseThrow();
        assertThat(mine.request().status()).isEqualTo(LegalAid.Status.BOOKED);
        assertThat(mine.request().adviser()).isEqualTo("王律师");
        assertThat(mine.request().bookedAt().toInstant()).isEqualTo(at.atZone(java.time.ZoneId.systemDefault())
                .toInstant());
        String when = at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Awaitility.await("the employee is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ? AND body LIKE ?")
                .params(worker.employeeId(), "你的法律咨询已预约", "%" + when + "%王律师%").query(Long.class).single() == 1);

        aid.done(committee, id, "建议与公司协商，协商不成可申请仲裁。");
        LegalAid.Mine done = aid.mine(worker).stream().filter(m -> m.request().id() == id).findFirst().orElseThrow();
        assertThat(done.request().status()).isEqualTo(LegalAid.Status.DONE);
        assertThat(done.outcome()).isEqualTo("建议与公司协商，协商不成可申请仲裁。");
        assertThatThrownBy(() -> aid.cancel(committee, id, "太晚")).isInstanceOf(Refusal.class);
        assertThat(aid.mine(colleague)).noneMatch(m -> m.request().id() == id);
    }

    @Test
    void anOrdinaryUnitOfficerAndOtherEmployeesReachNothing() {
        long id = ask();
        LocalDateTime later = LocalDateTime.now().plusDays(1);

        assertThat(aid.acts(chair)).isFalse();
        assertThatThrownBy(() -> aid.view(chair, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aid.desk(chair, "all", 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aid.book(chair, id, later, "越权")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aid.cancel(chair, id, "越权")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aid.withdraw(colleague, id)).isInstanceOf(NotFoundException.class);
        assertThat(aid.find(id).orElseThrow().status()).isEqualTo(LegalAid.Status.REQUESTED);
    }

    @Test
    void theEmployeeWithdrawsAndTheDeskCallsOffWithAReason() {
        long withdrawn = ask();
        aid.book(committee, withdrawn, LocalDateTime.now().plusDays(3), "12351热线");
        aid.withdraw(worker, withdrawn);
        assertThat(aid.find(withdrawn).orElseThrow().cancelledBy()).isEqualTo("EMPLOYEE");
        assertThatThrownBy(() -> aid.withdraw(worker, withdrawn)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> aid.book(committee, withdrawn, LocalDateTime.now().plusDays(3), "王律师"))
                .isInstanceOf(Refusal.class);

        long called = ask();
        assertThatThrownBy(() -> aid.cancel(committee, called, " ")).isInstanceOf(Refusal.class);
        assertThat(aid.find(called).orElseThrow().status()).isEqualTo(LegalAid.Status.REQUESTED);
        aid.cancel(committee, called, "律师本周出差，请重新预约。");
        LegalAid.Mine mine = aid.mine(worker).stream().filter(m -> m.request().id() == called).findFirst()
                .orElseThrow();
        assertThat(mine.request().status()).isEqualTo(LegalAid.Status.CANCELLED);
        assertThat(mine.request().cancelledBy()).isEqualTo("DESK");
        assertThat(mine.outcome()).isEqualTo("律师本周出差，请重新预约。");
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM rights_legal_aid").query(Long.class).single();
        assertThatThrownBy(() -> aid.request(worker, new LegalAid.Ask(" ", "问题", LegalAid.Provider.HOTLINE)))
                .isInstanceOf(Refusal.class).hasMessage("rights.aid.error.topic");
        assertThatThrownBy(() -> aid.request(worker, new LegalAid.Ask("工伤", "问题", null)))
                .isInstanceOf(Refusal.class).hasMessage("rights.aid.error.provider");
        assertThatThrownBy(() -> aid.request(worker, new LegalAid.Ask("工伤", "x".repeat(LegalAid.MAX_TEXT + 1),
                LegalAid.Provider.HOTLINE))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> aid.request(committee, new LegalAid.Ask("工伤", "问题", LegalAid.Provider.HOTLINE)))
                .as("no employee behind the account").isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_legal_aid").query(Long.class).single()).isEqualTo(before);

        long id = ask();
        assertThatThrownBy(() -> aid.book(committee, id, LocalDateTime.now().minusHours(1), "王律师"))
                .isInstanceOf(Refusal.class).hasMessage("rights.aid.error.when");
        assertThatThrownBy(() -> aid.book(committee, id, LocalDateTime.now().plusDays(1), " "))
                .isInstanceOf(Refusal.class).hasMessage("rights.aid.error.adviser");
        assertThatThrownBy(() -> aid.done(committee, id, "还没预约")).isInstanceOf(Refusal.class)
                .hasMessage("rights.aid.error.notBooked");
        LegalAid.Request r = aid.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(LegalAid.Status.REQUESTED);
        assertThat(r.bookedAt()).isNull();
    }
}
