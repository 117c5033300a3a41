package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * The readers' side of publicity on a 375-px phone: the share page of an article opened from a chat without an
 * account (its picture loads, the share buttons count and say how to share), a video's page, and for an employee
 * the news list and the home card. Each fits the screen.
 */
class SharePhoneTests extends JourneyTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;

    @Test
    void aReaderFromAChatReadsAndSharesAndAnEmployeeBrowsesTheNews() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("雅安收费站工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-share.csv", List.of(row));
        fixtures.withPassword(row, "Zixun2026ab");
        Viewer writer = new Viewer(3_000_001, null, "写稿人", Set.of(Role.OFFICER), Set.of(unit.unit().id()), Set.of(),
                false);
        Viewer reviewer = new Viewer(3_000_002, null, "审核人", Set.of(Role.OFFICER), Set.of(unit.unit().id()),
                Set.of(), false);
        publicity.nameReviewer(writer, unit.unit().id(), reviewer.accountId());

        long article = publicity.create(writer, new Items.Draft("ARTICLE", "雅安收费站“微笑服务”获评省级青年文明号",
                "", "<p>x</p>", "NEWS", unit.unit().id(), null, false), null);
        PublicityMedia.Picture picture = media.addPicture(writer, article, jpeg(1600, 1000, new Color(0x2E, 0x7D, 0x32)));
        String paragraph = "<p>" + "收费站坚持微笑服务十年如一日，收费员们用真诚和耐心服务每一位过往司乘。".repeat(6) + "</p>";
        publicity.update(writer, article, new Items.Draft("ARTICLE", "雅安收费站“微笑服务”获评省级青年文明号",
                "十年如一日的微笑服务，让司乘感受到高速公路的温度。", "<h2>十年坚守</h2>" + paragraph
                + "<figure><img src=\"" + picture.imageUrl() + "\" alt=\"\"><figcaption>收费员在岗服务</figcaption></figure>"
                + paragraph, "NEWS", unit.unit().id(), null, false));
        media.setCover(writer, article, jpeg(1200, 675, new Color(0xC8, 0x10, 0x2E)));
        publicity.submit(writer, article);
        publicity.approve(reviewer, article, null);

        Path clip = Files.createTempFile("clip", ".mp4");
        Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
        long video = media.createVideo(writer, new Items.Draft("VIDEO", "一分钟看懂职工书屋借书", "扫码借书，随借随还。", "",
                "CULTURE", unit.unit().id(), "https://www.kuaishou.com/profile/tongxin", false), clip);
        Files.delete(clip);
        publicity.submit(writer, video);
        publicity.approve(reviewer, video, null);

        WebDriver browser = Browser.phone();
        browser.get(url("/p/" + article));
        Browser.assertFitsThePhone(browser);
        assertThat(browser.findElement(By.id("item-title")).getText()).contains("微笑服务");
        assertThat(browser.findElement(By.id("item-reads")).getText()).isEqualTo("1");
        Browser.screenshot(browser, "publicity-share-page");

        WebElement inBody = browser.findElement(By.cssSelector("#item-body img"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", inBody);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 1080;", inBody));

        Browser.tap(browser, browser.findElement(By.id("share-wechat")));
        assertThat(browser.findElement(By.cssSelector("[data-hint='WECHAT']")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).doesNotContain("shared=");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shares(article, "WECHAT") == 1);
        Browser.tap(browser, browser.findElement(By.id("share-link")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shares(article, "LINK") == 1);
        assertThat(browser.findElement(By.cssSelector("[data-hint='COPIED']")).isDisplayed()
                || browser.findElement(By.cssSelector("[data-hint='LINK']")).isDisplayed()).isTrue();
        Browser.assertFitsThePhone(browser);

        browser.get(url("/p/" + video));
        Browser.assertFitsThePhone(browser);
        assertThat(browser.findElement(By.id("item-external")).getText()).isEqualTo("在快手观看");
        Browser.screenshot(browser, "publicity-video-page");

        logIn(browser, row.employeeNo(), "Zixun2026ab");
        assertThat(browser.findElement(By.id("news-card")).getText()).contains("一分钟看懂职工书屋借书");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/news"));
        Browser.assertFitsThePhone(browser);
        Browser.screenshot(browser, "publicity-news");
        Browser.tap(browser, browser.findElement(By.id("news-" + article)));
        assertThat(browser.findElement(By.id("item-reads")).getText()).isEqualTo("2");
    }

    private long shares(long itemId, String channel) {
        return jdbc.sql("SELECT coalesce(sum(count), 0) FROM publicity_share WHERE item_id = ? AND channel = ?")
                .params(itemId, channel).query(Long.class).single();
    }

    private static byte[] jpeg(int w, int h, Color color) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(w / 3, h / 3, w / 3, h / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
