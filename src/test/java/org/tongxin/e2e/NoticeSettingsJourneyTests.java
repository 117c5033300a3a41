package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.notify.internal.NoticeSetting;
import org.tongxin.notify.internal.NoticeSettings;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * The demo employee on a 375-px phone: 我的 → 通知设置, ticks 企业微信 for activities, sets quiet hours 22:00–07:00,
 * saves, and finds both kept (and the page in English fits too); their demo settings are put back afterwards. An
 * admin on a phone finds a notice that failed for good with its reason, looks the person up and retries it.
 */
class NoticeSettingsJourneyTests extends JourneyTestSupport {

    private static final String EMPLOYEE = "100090";

    @Autowired
    NoticeSettings settings;

    @Test
    void theDemoEmployeeChoosesWeComForActivitiesAndQuietHoursOnAPhone() throws Exception {
        long id = fixtures.employeeId(EMPLOYEE);
        NoticeSetting demo = settings.of(id);
        Map<NoticeKind, Set<ChannelName>> demoChoices = settings.chosen(id);
        String locale = jdbc.sql("SELECT locale FROM account WHERE employee_id = ?").param(id)
                .query((rs, i) -> rs.getString(1)).list().getFirst();
        fixtures.withPassword(new OrgSetup.HrRow(EMPLOYEE, null, null, null, null, null, null, null, null, null),
                "Tongzhi2026x");
        // Start from activities on 钉钉 only and no quiet hours, so the journey changes both.
        Map<NoticeKind, Set<ChannelName>> start = new EnumMap<>(demoChoices);
        start.put(NoticeKind.ACTIVITY, EnumSet.of(ChannelName.DINGTALK));
        settings.save(id, new NoticeSetting(demo.email(), null, null, demo.digest(), demo.digestAt()), start);
        try {
            WebDriver browser = Browser.phone();
            logIn(browser, EMPLOYEE, "Tongzhi2026x");
            Browser.tap(browser, browser.findElement(By.cssSelector(".tx-tabbar a[href='/me']")));
            Browser.tap(browser, browser.findElement(By.id("me-notices")));
            assertThat(browser.getCurrentUrl()).endsWith("/me/notices");
            assertThat(browser.findElement(By.id("notice-rules")).getText()).contains("消息", "紧急通知");
            WebElement weCom = browser.findElement(By.id("choice-ACTIVITY-WECOM"));
            assertThat(weCom.isSelected()).isFalse();
            assertThat(browser.findElement(By.id("choice-ACTIVITY-DINGTALK")).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("kind-ACTIVITY")).getText()).contains("活动");
            assertThat(browser.findElement(By.id("choices")).getText()).contains("企业微信", "钉钉", "短信", "电子邮件");
            Browser.screenshot(browser, "notify-1-settings");
            Browser.assertFitsThePhone(browser);

            Browser.tap(browser, weCom);
            // Time inputs take typed keys in the browser's own format; the form reads the HH:mm value.
            WebElement from = browser.findElement(By.id("quietFrom"));
            WebElement until = browser.findElement(By.id("quietUntil"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = '22:00'; arguments[1].value = '07:00';",
                    from, until);
            assertThat(from.getDomProperty("value")).isEqualTo("22:00");
            assertThat(until.getDomProperty("value")).isEqualTo("07:00");
            Browser.screenshot(browser, "notify-2-ticked");
            Browser.send(browser, By.id("notice-save"));

            assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("通知设置已保存。");
            assertThat(browser.findElement(By.id("choice-ACTIVITY-WECOM")).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("choice-ACTIVITY-DINGTALK")).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("quietFrom")).getDomProperty("value")).isEqualTo("22:00");
            assertThat(browser.findElement(By.id("quietUntil")).getDomProperty("value")).isEqualTo("07:00");
            Browser.screenshot(browser, "notify-3-saved");
            Browser.assertFitsThePhone(browser);
            assertThat(settings.chosen(id).get(NoticeKind.ACTIVITY))
                    .containsExactlyInAnyOrder(ChannelName.WECOM, ChannelName.DINGTALK);
            assertThat(settings.of(id).quietFrom()).isEqualTo(LocalTime.of(22, 0));
            assertThat(settings.of(id).quietUntil()).isEqualTo(LocalTime.of(7, 0));

            browser.get(url("/me"));
            assertThat(browser.findElement(By.id("me-notices")).getText()).contains("免打扰 22:00–07:00");
            Browser.screenshot(browser, "notify-4-me");

            browser.get(url("/me/notices"));
            Browser.send(browser, By.cssSelector("button[name='lang'][value='en']"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notification settings");
            assertThat(browser.findElement(By.id("choices")).getText()).contains("WeCom", "Text message", "Activities");
            assertThat(browser.getPageSource()).doesNotContain("??");
            Browser.screenshot(browser, "notify-5-settings-en");
            Browser.assertFitsThePhone(browser);
        } finally {
            settings.save(id, demo, demoChoices);
            jdbc.sql("UPDATE account SET locale = ? WHERE employee_id = ?").params(locale, id).update();
        }
    }

    @Test
    void anAdminFindsAFailedNoticeWithItsReasonAndRetriesItOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("通知发送手机工会");
        OrgSetup.HrRow person = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow admin = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "notify-phone.csv", List.of(person, admin));
        long adminAccount = fixtures.withPassword(admin, "Guanli2026xx");
        jdbc.sql("INSERT INTO role_grant (account_id, role) VALUES (?, 'ADMIN')").param(adminAccount).update();
        long personId = fixtures.employeeId(person.employeeNo());
        long failed = jdbc.sql("""
                        INSERT INTO notice_outbox (employee_id, channel, kind, language, title, body, status, attempts,
                          last_error)
                        VALUES (?, 'DINGTALK', 'LIBRARY', 'zh-CN', '《平凡的世界》明天到期', '', 'FAILED', 6,
                          'errcode 33012: 无效的userid') RETURNING id""").param(personId).query(Long.class).single();
        try {
            WebDriver browser = Browser.phone();
            logIn(browser, admin.employeeNo(), "Guanli2026xx");
            Browser.tap(browser, browser.findElement(By.cssSelector("#officer-work a[href='/admin/notify']")));
            assertThat(browser.findElement(By.id("channel-DINGTALK")).getText()).contains("钉钉", "已开通", "失败");
            assertThat(browser.findElement(By.id("failed-" + failed)).getText())
                    .contains("《平凡的世界》明天到期", person.name(), person.employeeNo(), "尝试 6 次", "33012");
            scrollTo(browser, browser.findElement(By.id("failed-" + failed)));
            Browser.screenshot(browser, "notify-6-admin");
            Browser.assertFitsThePhone(browser);

            WebElement lookup = browser.findElement(By.id("lookup-no"));
            lookup.sendKeys(person.employeeNo());
            Browser.send(browser, By.id("lookup-submit"));
            assertThat(browser.findElement(By.id("person-row-" + failed)).getText()).contains("失败");
            Browser.send(browser, By.id("retry-" + failed));
            assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("已重新排队发送。");
            assertThat(browser.findElement(By.id("person-row-" + failed)).getText()).contains("待发送");
            scrollTo(browser, browser.findElement(By.id("person-row-" + failed)));
            Browser.screenshot(browser, "notify-7-admin-person");
            Browser.assertFitsThePhone(browser);
            assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM notice_outbox WHERE id = ?").param(failed)
                    .query(String.class).single()).isEqualTo("PENDING 0");
        } finally {
            jdbc.sql("DELETE FROM notice_outbox WHERE employee_id = ?").param(personId).update();
        }
    }

    private static void scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }
}
