package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.PublicitySetup;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * On a phone: an officer writes an article with two pictures and a cover and submits it; the unit's reviewer
 * publishes it; the share page carries the tags WeChat and QQ read; the poster's QR code leads to the page; the
 * unit's chat-group robot (a local HTTP server standing in for 企业微信) received the news card; an employee reads
 * the article from the news list and the read count rises.
 */
class PublicityJourneyTests extends JourneyTestSupport {

    @Autowired
    PublicitySetup publicity;
    @Autowired
    Pushes pushes;

    private static String meta(WebDriver browser, String property) {
        List<WebElement> tags = browser.findElements(By.cssSelector("meta[property='" + property + "']"));
        return tags.isEmpty() ? null : tags.getFirst().getAttribute("content");
    }

    private static int reads(WebDriver browser) {
        return Integer.parseInt(browser.findElement(By.id("item-reads")).getText().replaceAll("\\D", ""));
    }

    private static Path pictureFile(int width, int height) throws Exception {
        Path file = Files.createTempFile("picture", ".png");
        Files.write(file, Pictures.picture(width, height, "png"));
        file.toFile().deleteOnExit();
        return file;
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    }

    @Test
    void anArticleIsWrittenReviewedSharedPushedAndRead() throws Exception {
        List<String> cards = new CopyOnWriteArrayList<>();
        HttpServer robot = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        robot.createContext("/", exchange -> {
            cards.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        robot.start();
        try {
            Fixtures.UnitWithDepartment unit = fixtures.grassroots("宣传旅程工会");
            OrgSetup.HrRow writer = Fixtures.row(unit.departmentCode());
            OrgSetup.HrRow reviewer = Fixtures.row(unit.departmentCode());
            OrgSetup.HrRow reader = Fixtures.row(unit.departmentCode());
            orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "publicity-e2e.csv",
                    List.of(writer, reviewer, reader));
            long writerAccount = fixtures.withPassword(writer, "Xuanchuan2026");
            long reviewerAccount = fixtures.withPassword(reviewer, "Shenhe2026xx");
            fixtures.withPassword(reader, "Yuedu2026xxx");
            fixtures.chair(writerAccount, unit.unit().id(), false);
            fixtures.chair(reviewerAccount, unit.unit().id(), false);
            publicity.nameReviewer(Fixtures.officer(writerAccount, unit.unit().id()), unit.unit().id(), reviewerAccount);
            publicity.robot(Fixtures.officer(writerAccount, unit.unit().id()), unit.unit().id(), "WECOM", "旅程职工群",
                    "http://localhost:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=journey", null, true);

            WebDriver browser = Browser.phone();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            logIn(browser, writer.employeeNo(), "Xuanchuan2026");
            browser.get(url("/publicity-admin/items/new?kind=ARTICLE&unit=" + unit.unit().id()));
            String title = "旅程站开展冬季送温暖活动";
            browser.findElement(By.id("item-title")).sendKeys(title);
            new Select(browser.findElement(By.id("item-category"))).selectByValue("NEWS");
            browser.findElement(By.id("item-summary")).sendKeys("为一线职工送去姜茶和棉手套。");
            browser.findElement(By.id("item-body")).sendKeys("<p>寒潮来临前，站工会为收费和养护职工送去慰问品。</p>");
            Browser.tap(browser, browser.findElement(By.id("item-create")));
            wait.until(d -> d.getCurrentUrl().matches(".*/publicity-admin/items/\\d+$"));
            long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/items/(\\d+)$", "$1"));

            for (Path picture : List.of(pictureFile(1600, 1000), pictureFile(1200, 900))) {
                int before = countPictures(browser);
                browser.findElement(By.id("picture-file")).sendKeys(picture.toString());
                wait.until(d -> countPictures(d) > before);
            }
            String written = browser.findElement(By.id("item-body")).getAttribute("value");
            assertThat(written.indexOf("寒潮来临前")).as("pictures go after the text typed before them")
                    .isLessThan(written.indexOf("/publicity/pictures/"));
            Browser.send(browser, By.id("item-save"));
            browser.findElement(By.id("cover-file")).sendKeys(pictureFile(1200, 630).toString());
            Browser.send(browser, By.id("cover-upload"));
            assertThat(countPictures(browser)).as("pictures kept in the saved body").isEqualTo(2);
            Browser.screenshot(browser, "87-publicity-journey-editor");
            Browser.assertFitsThePhone(browser);
            Browser.send(browser, By.id("item-submit"));
            assertThat(jdbc.sql("SELECT status FROM publicity_item WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("SUBMITTED");

            logIn(browser, reviewer.employeeNo(), "Shenhe2026xx");
            browser.get(url("/publicity-admin/review"));
            Browser.screenshot(browser, "88-publicity-journey-review");
            Browser.assertFitsThePhone(browser);
            Browser.send(browser, By.id("approve-" + id));
            assertThat(jdbc.sql("SELECT status FROM publicity_item WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("PUBLISHED");

            browser.manage().deleteAllCookies();
            browser.get(url("/p/" + id));
            assertThat(meta(browser, "og:title")).isEqualTo(title);
            assertThat(meta(browser, "og:description")).isEqualTo("为一线职工送去姜茶和棉手套。");
            assertThat(meta(browser, "og:image")).startsWith("http").endsWith("/p/" + id + "/cover");
            assertThat(meta(browser, "og:url")).endsWith("/p/" + id);
            WebElement body = browser.findElement(By.id("item-body"));
            assertThat(body.findElements(By.tagName("img"))).hasSize(2);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight);");
            wait.until(d -> Browser.imagesLoaded(d, body));
            int anonymousReads = reads(browser);
            assertThat(anonymousReads).isGreaterThanOrEqualTo(1);
            Browser.screenshot(browser, "89-publicity-journey-share");
            Browser.assertFitsThePhone(browser);

            String posterHref = browser.findElement(By.id("poster-link")).getAttribute("href");
            HttpResponse<byte[]> poster = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(posterHref)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(poster.statusCode()).isEqualTo(200);
            assertThat(decodeQr(poster.body())).isEqualTo(url("/p/" + id));

            pushes.deliverDue(10);
            assertThat(cards).singleElement().satisfies(card -> assertThat(card).contains("\"msgtype\":\"news\"")
                    .contains(title).contains("/p/" + id));

            logIn(browser, reader.employeeNo(), "Yuedu2026xxx");
            browser.get(url("/news"));
            Browser.screenshot(browser, "90-publicity-journey-news");
            Browser.assertFitsThePhone(browser);
            Browser.tap(browser, browser.findElement(By.cssSelector("a[href$='/p/" + id + "']")));
            wait.until(d -> d.getCurrentUrl().endsWith("/p/" + id));
            assertThat(reads(browser)).isEqualTo(anonymousReads + 1);
        } finally {
            robot.stop(0);
        }
    }

    private static int countPictures(WebDriver browser) {
        String body = browser.findElement(By.id("item-body")).getAttribute("value");
        return body == null ? 0 : body.split("/publicity/pictures/", -1).length - 1;
    }
}
