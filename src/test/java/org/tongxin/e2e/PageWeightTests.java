package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.WebClient;

/**
 * The employee pages over a phone's network, as the demo officer sees them (a member, with the officer's menu too, so
 * the heaviest case): each page's HTML plus every stylesheet and script of this site it references weighs at most
 * 150 KB as the server sends it (gzipped), stylesheets and scripts have versioned addresses cached for a year, and in
 * the 375-px phone every picture below the first screen loads lazily with its size set.
 */
class PageWeightTests extends JourneyTestSupport {

    private static final String MEMBER = "100066";
    private static final String PASSWORD = "Qingbian2026x";
    private static final int BUDGET = 150 * 1024;
    private static final int MIN_COMPRESSED = 2048;
    private static final Pattern ASSET = Pattern.compile(
            "<(?:link[^>]*\\brel=\"stylesheet\"[^>]*\\bhref|script[^>]*\\bsrc)=\"(/[^\"/][^\"]*)\"");

    @Test
    void theEmployeePagesStayWithinTheBudgetAndTheirPicturesBelowTheFirstScreenLoadLazily() throws Exception {
        fixtures.withPassword(new OrgSetup.HrRow(MEMBER, null, null, null, null, null, null, null, null, null),
                PASSWORD);
        WebClient client = new WebClient(port);
        assertThat(client.login(MEMBER, PASSWORD).uri().getPath()).isEqualTo("/");

        List<String> pages = new ArrayList<>(List.of("/", "/activities", "/library", "/me/card", "/training", "/live"));
        pages.add(firstLink(client, "/activities", "/activities/\\d+"));
        pages.add(aLesson(client));
        pages.add(firstLink(client, "/live", "/live/\\d+"));

        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String page : pages) {
            HttpResponse<byte[]> html = client.raw(page, "Accept", "text/html", "Accept-Encoding", "gzip");
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertGzipped(page, html);
            int weight = html.body().length;
            for (String asset : assets(gunzip(html.body()))) {
                HttpResponse<byte[]> file = client.raw(asset, "Accept-Encoding", "gzip");
                assertThat(file.statusCode()).as(asset).isEqualTo(200);
                assertGzipped(asset, file);
                assertThat(asset).as("a versioned address").matches(".*-[0-9a-f]{32}\\.(css|js)");
                assertThat(file.headers().firstValue("Cache-Control").orElse(""))
                        .as("%s cached", asset).contains("max-age=31536000");
                weight += file.body().length;
            }
            weights.put(page, weight);
        }
        assertThat(weights).as("gzipped bytes of HTML + CSS + JS per page").allSatisfy((page, weight) ->
                assertThat(weight).as(page).isLessThanOrEqualTo(BUDGET));

        WebDriver browser = Browser.phone();
        logIn(browser, MEMBER, PASSWORD);
        for (String page : pages) {
            browser.get(url(page));
            Object eager = ((JavascriptExecutor) browser).executeScript("""
                    return Array.from(document.images)
                      .filter(i => i.getBoundingClientRect().top >= window.innerHeight)
                      .filter(i => i.getAttribute('loading') !== 'lazy' || !i.hasAttribute('width')
                                   || !i.hasAttribute('height'))
                      .map(i => i.outerHTML.slice(0, 120));""");
            assertThat((List<?>) eager).as("pictures below the first screen of %s without loading=lazy, width and "
                    + "height", page).isEmpty();
        }
    }

    /** Gzipped unless too small to gain from it (under {@code server.compression.min-response-size}, 2 KB). */
    private static void assertGzipped(String path, HttpResponse<byte[]> response) {
        if (response.body().length >= MIN_COMPRESSED) {
            assertThat(response.headers().firstValue("Content-Encoding")).as("%s gzipped", path).hasValue("gzip");
        }
    }

    /** A lesson of the first course on the learning page that the member reads or may enrol on. */
    private static String aLesson(WebClient client) throws Exception {
        Matcher courses = Pattern.compile("href=\"(/training/courses/\\d+)\"").matcher(client.get("/training").body());
        while (courses.find()) {
            String course = courses.group(1);
            Pattern lessonLink = Pattern.compile("href=\"(" + course + "/lessons/\\d+)\"");
            String page = client.get(course).body();
            if (!lessonLink.matcher(page).find() && page.contains("action=\"" + course + "/enrol\"")) {
                client.post(course + "/enrol", Map.of());
                page = client.get(course).body();
            }
            Matcher lesson = lessonLink.matcher(page);
            if (lesson.find()) {
                return lesson.group(1);
            }
        }
        throw new AssertionError("no lesson the demo employee may read");
    }

    private static String firstLink(WebClient client, String page, String pattern) throws Exception {
        HttpResponse<String> response = client.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(response.body());
        assertThat(m.find()).as("a link %s on %s", pattern, page).isTrue();
        return m.group(1);
    }

    private static Set<String> assets(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
