package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.JourneyTestSupport;

/**
 * Large-text mode (适老化) on a 375-px phone: a visitor turns it on from the log-in page's header; the demo officer
 * turns it on in 我的, logs in again in a fresh browser and still has it, and every page walked — the employee's and
 * the officer's, forms and tables among them — shows larger text and still fits the phone.
 */
class LargeTextPhoneTests extends JourneyTestSupport {

    private static final String OFFICER = "100066";
    private static final String PASSWORD = "Dazi2026xy";
    private static final List<String> PAGES = List.of("/", "/me", "/inbox", "/activities", "/library", "/training",
            "/news", "/live", "/voice", "/rights", "/benefits", "/password", "/org/tree", "/org/import",
            "/membership/applications", "/activity-admin", "/activity-admin/new", "/library-admin", "/care/cases",
            "/voice-admin", "/rights/handle", "/insight");

    @Test
    void largeTextIsKeptForTheVisitorAndTheAccountAndEveryPageShowsItAndFitsThePhone() throws Exception {
        fixtures.withPassword(new OrgSetup.HrRow(OFFICER, null, null, null, null, null, null, null, null, null),
                PASSWORD);
        try {
            WebDriver browser = Browser.phone();
            browser.get(url("/login"));
            double normal = bodyFontSize(browser);
            Browser.send(browser, By.id("text-size"));
            assertThat(bodyFontSize(browser)).as("the visitor's log-in page").isGreaterThanOrEqualTo(normal * 1.2);
            assertThat(browser.findElement(By.id("text-size")).getDomAttribute("aria-pressed")).isEqualTo("true");
            Browser.assertFitsThePhone(browser);

            // Logged in from the same browser, its cookie kept.
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(OFFICER);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            Browser.send(browser, By.id("login-submit"));
            assertThat(bodyFontSize(browser)).as("no choice on the account yet: the browser's").isGreaterThan(normal);
            Browser.send(browser, By.id("text-size"));
            assertThat(bodyFontSize(browser)).isEqualTo(normal);
            browser.get(url("/me"));
            assertThat(browser.findElement(By.id("text-size-state")).getText()).isEqualTo("未开启：标准字号。");
            Browser.send(browser, By.id("text-size-switch"));
            assertThat(browser.getCurrentUrl()).endsWith("/me");
            assertThat(browser.findElement(By.id("text-size-state")).getText()).isEqualTo("已开启：所有页面以大号字显示。");

            // A fresh browser: the account's choice comes back at the log-in.
            logIn(browser, OFFICER, PASSWORD);
            for (String page : PAGES) {
                browser.get(url(page));
                assertThat(browser.getCurrentUrl()).as(page).endsWith(page);
                assertThat(bodyFontSize(browser)).as("body text on %s", page).isGreaterThanOrEqualTo(normal * 1.2);
                Browser.assertFitsThePhone(browser);
            }
            browser.get(url("/activity-admin/new"));
            Browser.screenshot(browser, "large-text-form");
            browser.get(url("/membership/applications"));
            Browser.screenshot(browser, "large-text-table");
        } finally {
            jdbc.sql("UPDATE account SET large_text = NULL WHERE employee_id = ?")
                    .param(fixtures.employeeId(OFFICER)).update();
        }
    }

    private static double bodyFontSize(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return parseFloat(getComputedStyle(document.body).fontSize);")).doubleValue();
    }
}
