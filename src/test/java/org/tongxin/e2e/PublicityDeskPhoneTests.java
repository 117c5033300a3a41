package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * The publicity desk on a 375-px phone with its script: an officer writes an article with the toolbar, a picture
 * chosen lands in the body where the cursor was, the cover is previewed and uploaded without losing the text, the
 * article is submitted; the reviewer publishes it from the queue. Every desk page fits the screen.
 */
class PublicityDeskPhoneTests extends JourneyTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    Items items;

    @Test
    void anOfficerWritesAnArticleWithAPictureOnAPhoneAndTheReviewerPublishesIt() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("宣传手机工会");
        OrgSetup.HrRow writerRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow reviewerRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "publicity-phone.csv",
                List.of(writerRow, reviewerRow));
        long writer = fixtures.withPassword(writerRow, "Xuanchuan2026x");
        long reviewer = fixtures.withPassword(reviewerRow, "Shenhe2026xy");
        fixtures.chair(writer, unit.unit().id(), false);
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, 'OFFICER', ?, '宣传委员')")
                .params(reviewer, unit.unit().id()).update();
        publicity.nameReviewer(Fixtures.officer(writer, unit.unit().id()), unit.unit().id(), reviewer);
        Path picture = Files.createTempFile("现场", ".png");
        Path cover = Files.createTempFile("封面", ".png");
        Files.write(picture, Pictures.picture(1600, 1200, "png"));
        Files.write(cover, Pictures.picture(1200, 630, "png"));
        WebDriver browser = Browser.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        try {
            logIn(browser, writerRow.employeeNo(), "Xuanchuan2026x");
            browser.get(url("/publicity-admin"));
            Browser.assertFitsThePhone(browser);
            Browser.tap(browser, browser.findElement(By.id("new-article")));
            browser.findElement(By.id("item-title")).sendKeys("收费站开展安全生产月活动");
            WebElement body = browser.findElement(By.id("item-body"));
            Browser.tap(browser, browser.findElement(By.cssSelector("#body-tools [data-tag='h2']")));
            body.sendKeys("活动现场");
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            body.sendKeys("<p>职工踊跃参加。</p>");
            assertThat(body.getDomProperty("value")).startsWith("<h2>活动现场</h2>\n<p>职工踊跃参加。</p>");
            Browser.screenshot(browser, "81-publicity-new");
            Browser.assertFitsThePhone(browser);
            Browser.tap(browser, browser.findElement(By.id("item-create")));
            wait.until(d -> d.getCurrentUrl().matches(".*/publicity-admin/items/\\d+$"));

            String editor = browser.getCurrentUrl();
            long id = Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1));
            body = browser.findElement(By.id("item-body"));
            assertThat(browser.findElement(By.id("picture-upload")).isDisplayed()).isFalse();
            Browser.tap(browser, body);
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            browser.findElement(By.id("picture-file")).sendKeys(picture.toString());
            WebElement inBody = body;
            wait.until(d -> inBody.getDomProperty("value").contains("<figure><img src=\"/publicity/pictures/"));
            assertThat(body.getDomProperty("value")).matches(
                    "(?s)<h2>活动现场</h2>\\s*<p>职工踊跃参加。</p>\\s*<figure><img src=\"/publicity/pictures/\\d+/image\" alt=\"\"></figure>\\s*");
            assertThat(browser.findElements(By.cssSelector("#picture-list li"))).hasSize(1);

            browser.findElement(By.id("cover-file")).sendKeys(cover.toString());
            assertThat(browser.findElement(By.id("cover-preview")).isDisplayed()).isTrue();
            Browser.screenshot(browser, "82-publicity-editor");
            Browser.assertFitsThePhone(browser);
            Browser.send(browser, By.id("cover-upload"));
            wait.until(d -> d.findElements(By.id("flash")).size() == 1);
            assertThat(items.find(id).orElseThrow().bodyHtml()).contains("<img src=\"/publicity/pictures/");
            assertThat(items.find(id).orElseThrow().coverKey()).isNotNull();
            Browser.send(browser, By.id("item-submit"));
            wait.until(d -> d.findElements(By.id("awaiting")).size() == 1);
            assertThat(items.find(id).orElseThrow().status()).isEqualTo("SUBMITTED");
            Browser.screenshot(browser, "83-publicity-submitted");
            Browser.assertFitsThePhone(browser);
            for (String page : List.of("/publicity-admin", "/publicity-admin/reviewers", "/publicity-admin/robots",
                    "/publicity-admin/items/" + id + "/reach", "/publicity-admin/items/new?kind=VIDEO")) {
                browser.get(url(page));
                Browser.assertFitsThePhone(browser);
            }
            Browser.screenshot(browser, "84-publicity-new-video");
            browser.get(url("/publicity-admin/robots"));
            Browser.screenshot(browser, "85-publicity-robots");

            logIn(browser, reviewerRow.employeeNo(), "Shenhe2026xy");
            browser.get(url("/publicity-admin/review"));
            Browser.screenshot(browser, "86-publicity-review");
            Browser.assertFitsThePhone(browser);
            Browser.send(browser, By.id("approve-" + id));
            wait.until(d -> d.findElements(By.id("flash")).size() == 1);
            assertThat(items.find(id).orElseThrow().status()).isEqualTo("PUBLISHED");
        } finally {
            Files.deleteIfExists(picture);
            Files.deleteIfExists(cover);
        }
    }
}
