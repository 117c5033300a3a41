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
import org.tongxin.rights.internal.Letters;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * The chair's mailbox: answered by the chair's office within five working days, reminded once the working day before
 * even with two nodes; published as an anonymised question and answer only with the writer's consent and never with
 * their name; consent withdrawn takes it down; an ordinary unit officer reaches nothing; bad input refused.
 */
class LettersTests extends IntegrationTestSupport {

    @Autowired
    Letters letters;

    OrgSetup.HrRow writerRow;
    Viewer writer;
    Viewer chair;
    Viewer rootOfficer;
    Viewer committee;

    @BeforeEach
    void aWriterTheirChairAndTheChairsOffice() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("信箱测试服务区");
        writerRow = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow r = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "letters.csv", List.of(writerRow, c, r));
        long writerId = fixtures.employeeId(writerRow.employeeNo());
        writer = Fixtures.employee(fixtures.accountId(writerId), writerId);
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        rootOfficer = Fixtures.officerWithoutCare(fixtures.accountId(fixtures.employeeId(r.employeeNo())),
                station.unit().parentId());
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    long write(boolean publishOk) {
        return letters.write(writer, new Letters.Draft("食堂夜班供餐", "我是" + writerRow.name()
                + "，夜班职工吃不上热饭，能否延长食堂供餐时间？", publishOk));
    }

    @Test
    void theOfficeAnswersWithinFiveWorkingDaysAndTheWriterIsTold() {
        long id = write(false);
        Letters.Letter sent = letters.find(id).orElseThrow();
        assertThat(sent.answerDue()).isEqualTo(WorkingDays.after(letters.today(), 5));
        assertThat(jdbc.sql("SELECT body_enc FROM rights_letter WHERE id = ?").param(id).query(String.class).single())
                .as("encrypted at rest").doesNotContain("热饭");
        Letters.OfficeView seen = letters.view(rootOfficer, id);
        assertThat(seen.writer().name()).isEqualTo(writerRow.name());
        assertThat(seen.body()).contains("热饭");

        letters.answer(committee, id, "已协调食堂，下月起夜班供餐延长至23点。");

        assertThatThrownBy(() -> letters.answer(committee, id, "再答一次")).isInstanceOf(Refusal.class)
                .hasMessage("rights.mailbox.error.answered");
        Letters.Mine mine = letters.mine(writer).stream().filter(m -> m.letter().id() == id).findFirst().orElseThrow();
        assertThat(mine.answer()).isEqualTo("已协调食堂，下月起夜班供餐延长至23点。");
        assertThat(mine.letter().status()).isEqualTo(Letters.Status.ANSWERED);
        Awaitility.await("the writer is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(writer.employeeId(), "主席办公室已答复你的来信").query(Long.class).single() >= 1);
    }

    @Test
    void itIsPublishedOnlyWithConsentInTheOfficesWordsNeverWithTheWritersName() {
        long without = write(false);
        letters.answer(committee, without, "已协调食堂。");
        assertThatThrownBy(() -> letters.publish(committee, without, "夜班能否延长供餐？", "已协调食堂。"))
                .isInstanceOf(Refusal.class).hasMessage("rights.mailbox.error.noConsent");
        assertThat(letters.find(without).orElseThrow().published()).isFalse();

        long with = write(true);
        assertThatThrownBy(() -> letters.publish(committee, with, "夜班能否延长供餐？", "答复"))
                .as("answered first").isInstanceOf(Refusal.class).hasMessage("rights.mailbox.error.notAnswered");
        letters.answer(committee, with, "已协调食堂，下月起延长至23点。");
        assertThatThrownBy(() -> letters.publish(committee, with, writerRow.name() + "问：夜班能否延长供餐？",
                "已延长。")).isInstanceOf(Refusal.class).hasMessage("rights.mailbox.error.nameInText");
        assertThatThrownBy(() -> letters.publish(committee, with, "夜班能否延长供餐？",
                "工号" + writerRow.employeeNo() + "的来信已办。")).isInstanceOf(Refusal.class);
        letters.publish(committee, with, "有职工反映夜班吃不上热饭，能否延长供餐？", "已协调食堂，下月起延长至23点。");

        List<Letters.Published> page = letters.published(0, 500).items();
        assertThat(page).extracting(Letters.Published::id).contains(with).doesNotContain(without);
        Letters.Published qa = page.stream().filter(p -> p.id() == with).findFirst().orElseThrow();
        assertThat(qa.question()).isEqualTo("有职工反映夜班吃不上热饭，能否延长供餐？");
        assertThat(page).noneMatch(p -> (p.question() + p.answer()).contains(writerRow.name()));

        letters.consent(writer, with, false);
        assertThat(letters.published(0, 500).items()).extracting(Letters.Published::id).doesNotContain(with);
        assertThatThrownBy(() -> letters.publish(committee, with, "夜班供餐？", "已延长。")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> letters.consent(Fixtures.employee(chair.accountId(), 0L), with, true))
                .as("only the writer").isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOrdinaryUnitOfficerReachesNoLetter() {
        long id = write(true);
        assertThat(letters.acts(chair)).isFalse();
        assertThatThrownBy(() -> letters.view(chair, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.forOffice(chair, "all", 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.answer(chair, id, "越权答复")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.publish(chair, id, "问", "答")).isInstanceOf(NotFoundException.class);
        assertThat(letters.find(id).orElseThrow().status()).isEqualTo(Letters.Status.SENT);
    }

    @Test
    void theOfficeIsRemindedOnceTheWorkingDayBeforeEvenWithTwoNodes() throws Exception {
        long id = write(false);
        LocalDate today = letters.today();
        assertThat(letters.remind(today)).doesNotContain(id);
        jdbc.sql("UPDATE rights_letter SET answer_due = ? WHERE id = ?").params(WorkingDays.after(today, 1), id)
                .update();

        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                gate.await();
                return letters.remind(today);
            }));
        }
        gate.countDown();
        List<Long> reminded = new ArrayList<>();
        for (Future<List<Long>> run : runs) {
            reminded.addAll(run.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(reminded).containsOnlyOnce(id);
        assertThat(letters.remind(today.plusDays(7))).doesNotContain(id);
        jdbc.sql("UPDATE rights_letter SET answer_due = ? WHERE id = ?").params(today.minusDays(1), id).update();
        assertThat(letters.view(committee, id).overdue()).isTrue();
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM rights_letter").query(Long.class).single();
        assertThatThrownBy(() -> letters.write(writer, new Letters.Draft(" ", "内容", false)))
                .isInstanceOf(Refusal.class).hasMessage("rights.mailbox.error.subject");
        assertThatThrownBy(() -> letters.write(writer, new Letters.Draft("主题", "x".repeat(Letters.MAX_TEXT + 1),
                false))).isInstanceOf(Refusal.class).hasMessage("rights.mailbox.error.body");
        assertThatThrownBy(() -> letters.write(committee, new Letters.Draft("主题", "内容", false)))
                .isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_letter").query(Long.class).single()).isEqualTo(before);
        long id = write(true);
        assertThatThrownBy(() -> letters.answer(committee, id, " ")).isInstanceOf(Refusal.class);
        assertThat(letters.find(id).orElseThrow().status()).isEqualTo(Letters.Status.SENT);
    }
}
