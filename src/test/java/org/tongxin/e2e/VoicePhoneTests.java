package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * The voice pages on a 375-px phone with something on them: an employee's list with an overdue step, the board (the
 * demo's suggestions among them), points on "我的" and the home card with an evaluation waiting; the officer's queue
 * with the overdue one first and chased. Every page fits the phone.
 */
class VoicePhoneTests extends JourneyTestSupport {

    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    Evaluations evaluations;
    @Autowired
    MembershipSetup membership;

    @Test
    void theEmployeesAndTheOfficersListsFitThePhoneWithTheOverdueMarked() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("之声手机工会");
        OrgSetup.HrRow author = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice-phone.csv", List.of(author, chair));
        long authorAccount = fixtures.withPassword(author, "Shouji2026xx");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026xxx");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        long authorId = fixtures.employeeId(author.employeeNo());
        membership.enrol(authorId, unit.unit().id(), LocalDate.now().minusYears(2));
        Viewer employee = Fixtures.employee(authorAccount, authorId);
        Viewer officer = new Viewer(chairAccount, fixtures.employeeId(chair.employeeNo()), "chair",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        List<Long> ids = new ArrayList<>();
        for (String title : List.of("收费站宿舍加装空调", "班组学习室配置投影仪", "职工食堂延长营业时间到晚上九点")) {
            ids.add(suggestions.submit(employee, new SuggestionScheme.Draft(title, "现状不便。", "建议改进。", "", false)));
        }
        suggestions.accept(officer, ids.get(1));
        jdbc.sql("UPDATE voice_suggestion SET due_on = current_date - 4 WHERE id = ?").param(ids.get(1)).update();
        suggestions.chaseOverdue();
        long round = evaluations.create(officer, unit.unit().id(), "手机测试民主评议", List.of("服务意识", "作风"),
                LocalDate.now(), LocalDate.now().plusDays(3));

        WebDriver browser = Browser.phone();
        logIn(browser, author.employeeNo(), "Shouji2026xx");
        assertThat(browser.findElement(By.id("voice-home")).getText()).contains("3 条办理中");
        assertThat(browser.findElement(By.id("voice-home-evaluate")).getText()).contains("手机测试民主评议");
        browser.get(url("/voice"));
        assertThat(browser.findElement(By.id("mine-" + ids.get(1))).getText()).contains("已受理", "已逾期");
        Browser.screenshot(browser, "71-voice-mine");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/voice/board"));
        assertThat(browser.findElement(By.id("unit-totals")).getText()).contains("各单位积分");
        assertThat(browser.findElements(By.cssSelector("[id^='board-']"))).hasSizeGreaterThanOrEqualTo(3);
        Browser.screenshot(browser, "72-voice-board");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/voice/evaluations"));
        assertThat(browser.findElement(By.id("round-" + round)).getText()).contains("待评议 1 人");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/me"));
        assertThat(browser.findElement(By.id("me-suggestions")).getText()).contains("3");
        Browser.screenshot(browser, "73-voice-me");
        Browser.assertFitsThePhone(browser);

        logIn(browser, chair.employeeNo(), "Zhuxi2026xxx");
        assertThat(browser.findElement(By.id("voice-officer-home")).getText()).contains("3 条待办", "逾期 1 条");
        browser.get(url("/voice-admin"));
        List<String> order = browser.findElements(By.cssSelector("[id^='held-']")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertThat(order.getFirst()).as("overdue first").isEqualTo("held-" + ids.get(1));
        assertThat(browser.findElement(By.id("held-" + ids.get(1))).getText()).contains("已逾期", "已督办 1 次");
        assertThat(browser.findElement(By.id("count-ACCEPTED")).getText()).contains("1", "逾期 1");
        Browser.screenshot(browser, "74-voice-admin-overdue");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/voice-admin/suggestions/" + ids.get(1)));
        assertThat(browser.findElement(By.id("chased")).getText()).contains("已督办 1 次");
        Browser.assertFitsThePhone(browser);
    }
}
