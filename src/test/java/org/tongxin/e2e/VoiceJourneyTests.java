package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * On a phone: an employee writes a suggestion (an earlier one with a similar title shows while the title is typed);
 * the unit's chair accepts it and assigns it to another unit; that unit's chair adopts it, marks it implemented and
 * enters its measured value; the committee confirms the value and recognises it; the employee sees every step on the
 * suggestion's page and the points on theirs. The chair opens a round of democratic evaluation; a member casts a
 * ballot and a second one, from a page left open, is refused; the chair sees no result under five ballots and only
 * averages from five.
 */
class VoiceJourneyTests extends JourneyTestSupport {

    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    Evaluations evaluations;
    @Autowired
    MembershipSetup membership;

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM voice_suggestion WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aSuggestionGoesFromThePhoneToRecognitionAndABallotIsCastOnce() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("之声旅程工会");
        Fixtures.UnitWithDepartment owner = fixtures.grassroots("之声承办工会");
        OrgSetup.HrRow author = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow ownerChair = Fixtures.row(owner.departmentCode());
        OrgSetup.HrRow committee = Fixtures.row(owner.departmentCode());
        List<OrgSetup.HrRow> voters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            voters.add(Fixtures.row(unit.departmentCode()));
        }
        List<OrgSetup.HrRow> rows = new ArrayList<>(List.of(author, chair, ownerChair, committee));
        rows.addAll(voters);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice-e2e.csv", rows);
        fixtures.withPassword(author, "Jianyi2026xx");
        fixtures.chair(fixtures.withPassword(chair, "Shouli2026xx"), unit.unit().id(), false);
        fixtures.chair(fixtures.withPassword(ownerChair, "Chengban2026"), owner.unit().id(), false);
        fixtures.committeeMember(fixtures.withPassword(committee, "Weiyuan2026x"));
        fixtures.withPassword(voters.getFirst(), "Pingyi2026xx");
        List<Viewer> members = new ArrayList<>();
        for (OrgSetup.HrRow v : voters) {
            long id = fixtures.employeeId(v.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(3));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long colleague = fixtures.employeeId(voters.get(1).employeeNo());
        suggestions.submit(Fixtures.employee(fixtures.accountId(colleague), colleague), new SuggestionScheme.Draft(
                "收费亭夜间照明改造", "夜里收费亭灯光昏暗。", "换成护眼灯。", "", false));

        // The employee writes it; the earlier one with a similar title shows while the title is typed.
        WebDriver browser = Browser.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        logIn(browser, author.employeeNo(), "Jianyi2026xx");
        Browser.tap(browser, browser.findElement(By.id("voice-home-link")));
        Browser.tap(browser, browser.findElement(By.id("new-suggestion")));
        browser.findElement(By.id("suggestion-title")).sendKeys("收费亭夜间加装照明灯带");
        wait.until(d -> d.findElement(By.id("similar-box")).isDisplayed());
        assertThat(text(browser, "similar-list")).contains("收费亭夜间照明改造", "已提交");
        browser.findElement(By.id("suggestion-problem")).sendKeys("夜班收费亭灯光昏暗，看不清通行卡和现金。");
        browser.findElement(By.id("suggestion-proposal")).sendKeys("在收费亭顶部加装 LED 照明灯带，夜间常亮。");
        browser.findElement(By.id("suggestion-expected")).sendKeys("减少夜间收费差错。");
        Browser.screenshot(browser, "91-voice-new");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("suggestion-submit"));
        assertThat(browser.getCurrentUrl()).matches(".*/voice/suggestions/\\d+$");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/suggestions/(\\d+)$", "$1"));
        assertThat(text(browser, "flash")).contains("建议已提交");
        assertThat(text(browser, "timeline")).contains("已提交", "由 " + unit.unit().name() + " 办理");

        // The unit's chair accepts it and assigns it to the other unit, found by name.
        logIn(browser, chair.employeeNo(), "Shouli2026xx");
        assertThat(text(browser, "voice-officer-home")).contains("建议办理");
        browser.get(url("/voice-admin"));
        assertThat(text(browser, "count-SUBMITTED")).contains("待受理");
        Browser.screenshot(browser, "92-voice-admin-queue");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("held-" + id)));
        assertThat(text(browser, "submitter")).contains(author.name());
        Browser.send(browser, By.id("accept"));
        assertThat(text(browser, "flash")).contains("已受理");
        browser.findElement(By.id("assign-q")).sendKeys(owner.unit().name());
        Browser.send(browser, By.id("assign-search"));
        Browser.screenshot(browser, "93-voice-admin-assign");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("assign-" + owner.unit().id()));
        assertThat(status(id)).isEqualTo("ASSIGNED");

        // That unit's chair adopts it, marks it implemented and enters its measured value.
        logIn(browser, ownerChair.employeeNo(), "Chengban2026");
        browser.get(url("/voice-admin/suggestions/" + id));
        browser.findElement(By.id("adopt-note")).sendKeys("本月在全部收费亭实施");
        Browser.send(browser, By.id("adopt"));
        Browser.send(browser, By.id("implemented"));
        browser.findElement(By.id("value-yuan")).sendKeys("15000");
        browser.findElement(By.id("value-note")).sendKeys("夜间收费差错减少，按差错赔补金额折算全年");
        Browser.screenshot(browser, "94-voice-admin-value");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("value-enter"));
        assertThat(text(browser, "suggestion-value")).contains("15,000.00");
        assertThat(browser.findElements(By.id("confirm-value"))).as("the committee's step").isEmpty();

        // The committee confirms the value and recognises it.
        logIn(browser, committee.employeeNo(), "Weiyuan2026x");
        browser.get(url("/voice-admin/suggestions/" + id));
        Browser.send(browser, By.id("confirm-value"));
        browser.findElement(By.id("recognise-note")).sendKeys("评为季度优秀建议");
        Browser.send(browser, By.id("recognise"));
        assertThat(status(id)).isEqualTo("RECOGNISED");

        // The employee sees each step and the points.
        logIn(browser, author.employeeNo(), "Jianyi2026xx");
        browser.get(url("/voice/suggestions/" + id));
        assertThat(text(browser, "timeline")).contains("已提交", "已受理", "已交办", owner.unit().name(), "已采纳",
                "本月在全部收费亭实施", "已实施", "效益已填报", "效益已核实", "获得表彰", "评为季度优秀建议");
        assertThat(text(browser, "suggestion-value")).contains("核实效益：15,000.00 元");
        Browser.screenshot(browser, "95-voice-suggestion");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/voice/points"));
        assertThat(text(browser, "balance")).isEqualTo("70");
        assertThat(text(browser, "history")).contains("建议采纳", "建议表彰", "+20", "+50");
        Browser.screenshot(browser, "96-voice-points");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/voice/board"));
        assertThat(text(browser, "board-" + id)).contains("收费亭夜间加装照明灯带", author.name());
        Browser.assertFitsThePhone(browser);

        // The chair opens a round of democratic evaluation.
        logIn(browser, chair.employeeNo(), "Shouli2026xx");
        browser.get(url("/voice-admin/evaluations"));
        browser.findElement(By.id("round-title")).sendKeys("旅程站工会干部民主评议");
        Browser.screenshot(browser, "97-voice-admin-round");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("round-create"));
        assertThat(browser.getCurrentUrl()).matches(".*/voice-admin/evaluations/\\d+$");
        long round = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/evaluations/(\\d+)$", "$1"));
        long chairId = fixtures.employeeId(chair.employeeNo());

        // A member casts a ballot; a second one, from the same page left open in another tab, is refused.
        logIn(browser, voters.getFirst().employeeNo(), "Pingyi2026xx");
        browser.get(url("/voice/evaluations"));
        Browser.tap(browser, browser.findElement(By.id("round-" + round)));
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/voice/evaluations/" + round));
        String stale = browser.getWindowHandle();
        browser.switchTo().window(first);
        int[] scores = {5, 4, 4, 5};
        for (int i = 0; i < scores.length; i++) {
            Browser.tap(browser, browser.findElement(By.cssSelector(
                    "label[for='s-" + chairId + "-" + i + "-" + scores[i] + "']")));
        }
        browser.findElement(By.id("comment-" + chairId)).sendKeys("服务热情");
        Browser.screenshot(browser, "98-voice-ballot");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("vote-" + chairId));
        assertThat(text(browser, "flash")).contains("评议已提交");
        assertThat(text(browser, "voted-" + chairId)).isEqualTo("已评议");
        assertThat(browser.findElements(By.id("ballot-" + chairId))).isEmpty();
        browser.switchTo().window(stale);
        for (int i = 0; i < scores.length; i++) {
            Browser.tap(browser, browser.findElement(By.cssSelector("label[for='s-" + chairId + "-" + i + "-1']")));
        }
        Browser.send(browser, By.id("vote-" + chairId));
        assertThat(text(browser, "flash-error")).contains("本轮您已评议过这位干部");
        browser.close();
        browser.switchTo().window(first);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_voted WHERE evaluation_id = ?").param(round).query(Long.class)
                .single()).isOne();

        // Under five ballots the chair sees nothing but the count; from five, averages only.
        for (Viewer m : members.subList(1, 4)) {
            evaluations.vote(m, round, chairId, List.of(4, 3, 4, 4), "");
        }
        evaluations.mix();
        logIn(browser, chair.employeeNo(), "Shouli2026xx");
        browser.get(url("/voice-admin/evaluations/" + round));
        assertThat(text(browser, "result-" + chairId)).contains("不足 5 票，不公布", "4 人已投票").doesNotContain("服务热情");
        assertThat(browser.findElements(By.cssSelector("#result-" + chairId + " .averages"))).isEmpty();
        evaluations.vote(members.get(4), round, chairId, List.of(3, 3, 3, 3), "");
        evaluations.mix();
        browser.navigate().refresh();
        String shown = text(browser, "result-" + chairId);
        assertThat(shown).contains("已计 5 票", "服务意识", "4.00", "3.20", "3.80").doesNotContain("不足 5 票");
        for (OrgSetup.HrRow v : voters) {
            assertThat(browser.getPageSource()).doesNotContain(v.name());
        }
        Browser.screenshot(browser, "99-voice-admin-results");
        Browser.assertFitsThePhone(browser);
    }
}
