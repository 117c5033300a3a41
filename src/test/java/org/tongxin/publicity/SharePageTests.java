package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;

/**
 * The share page as WeChat, QQ and a reader on a phone meet it: its meta tags, the read counted once per reader,
 * internal items behind the log-in and back, drafts as previews for their officers only, withdrawn items gone (410),
 * and the share buttons' counter open without a CSRF token.
 */
class SharePageTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;
    @Autowired
    Readership readership;

    ShareFixtures at;

    @BeforeEach
    void aUnitThatPublishes() {
        at = new ShareFixtures(fixtures, orgSetup, publicity, media, "分享页工会", 2);
    }

    private MockHttpServletResponse open(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePageOfAPublishedItemTellsWeChatAndQqItsTitleSummaryAndCover() throws Exception {
        long id = at.draft("蒲江收费站开展安全生产月活动", "SAFETY", false);
        PublicityMedia.Picture picture = media.addPicture(at.writer, id, ShareFixtures.picture(1600, 900,
                Color.BLUE));
        publicity.update(at.writer, id, new Items.Draft("ARTICLE",
                "蒲江收费站开展安全生产月活动", "安全月里，收费站组织了消防演练和应急疏散。",
                "<h2>消防演练</h2><p>全体职工参加。</p><figure><img src=\"" + picture.imageUrl() + "\" alt=\"\"></figure>",
                "SAFETY", at.unit.unit().id(), null, false));
        at.publish(id);

        MockHttpServletResponse response = open(get("/p/" + id));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        HtmlDoc page = HtmlDoc.parse(html(response));
        String url = "http://localhost/p/" + id;
        assertThat(page.all("title").getFirst().text()).isEqualTo("蒲江收费站开展安全生产月活动");
        assertThat(page.meta("name", "description")).contains("安全月里，收费站组织了消防演练和应急疏散。");
        assertThat(page.meta("property", "og:title")).contains("蒲江收费站开展安全生产月活动");
        assertThat(page.meta("property", "og:description")).contains("安全月里，收费站组织了消防演练和应急疏散。");
        assertThat(page.meta("property", "og:image")).contains(url + "/cover");
        assertThat(page.meta("property", "og:url")).contains(url);
        assertThat(page.meta("property", "og:type")).contains("article");
        assertThat(page.meta("property", "og:site_name")).contains("同心·工会宣传");
        assertThat(page.meta("itemprop", "name")).contains("蒲江收费站开展安全生产月活动");
        assertThat(page.meta("itemprop", "description")).contains("安全月里，收费站组织了消防演练和应急疏散。");
        assertThat(page.meta("itemprop", "image")).contains(url + "/cover");
        assertThat(page.all("link")).anyMatch(l -> "alternate".equals(l.attr("rel"))
                && "application/rss+xml".equals(l.attr("type")) && "/feeds/rss".equals(l.attr("href")));

        assertThat(page.id("item-unit").text()).isEqualTo(at.unit.unit().name());
        assertThat(page.id("item-reads").text()).isEqualTo("1");
        assertThat(page.id("poster-link").attr("href")).isEqualTo("/p/" + id + "/poster.png");
        assertThat(page.id("item-body").text()).contains("消防演练", "全体职工参加。");
        HtmlDoc.Element img = page.all("img").stream().filter(e -> picture.imageUrl().equals(e.attr("src")))
                .findFirst().orElseThrow();
        assertThat(img.attrs()).containsEntry("loading", "lazy").containsEntry("width", "1080")
                .containsEntry("height", "608");
        // A light page of its own: no app layout, no Bootstrap, no nav.
        assertThat(html(response)).doesNotContain("bootstrap", "tx-tabbar");
        assertThat(response.getHeader("Cache-Control")).contains("private", "no-cache");
        assertThat(response.getHeader("ETag")).isNotBlank();
    }

    @Test
    void aBodyChangedBehindTheApplicationsBackIsSanitisedAgainOnTheWayOut() throws Exception {
        long id = at.published("食堂菜单调整通知", "NOTICE", false);
        jdbc.sql("UPDATE publicity_item SET body_html = ? WHERE id = ?").params(
                "<p>新菜单</p><script>alert(1)</script><img src=\"https://evil.example/x.png\" onerror=\"alert(2)\">"
                        + "<a href=\"javascript:alert(3)\">点我</a>", id).update();
        String html = html(open(get("/p/" + id)));
        assertThat(html).contains("新菜单").doesNotContain("alert(", "evil.example", "javascript:");
    }

    @Test
    void anAnonymousReaderCountsOncePerCookieAndAnEmployeeOncePerPerson() throws Exception {
        long id = at.published("职工书屋新到一批图书", "CULTURE", false);

        MockHttpServletResponse first = open(get("/p/" + id));
        String setCookie = first.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("txr=").contains("HttpOnly", "SameSite=Lax", "Max-Age=31536000", "Path=/p");
        Cookie reader = first.getCookie("txr");
        assertThat(reader).isNotNull();
        assertThat(HtmlDoc.parse(html(first)).id("item-reads").text()).isEqualTo("1");

        MockHttpServletResponse again = open(get("/p/" + id).cookie(reader));
        assertThat(again.getHeader("Set-Cookie")).isNull();
        assertThat(HtmlDoc.parse(html(again)).id("item-reads").text()).isEqualTo("1");
        // The phone asks again with its ETag: the read is still looked at, and nothing changed, so no body.
        MockHttpServletResponse unchanged = open(get("/p/" + id).cookie(reader)
                .header("If-None-Match", again.getHeader("ETag")));
        assertThat(unchanged.getStatus()).isEqualTo(304);

        open(get("/p/" + id));
        assertThat(readership.figures(id).readers()).isEqualTo(2);

        Viewer employee = at.people.getFirst();
        open(get("/p/" + id).with(as(employee)));
        MockHttpServletResponse employeeAgain = open(get("/p/" + id).with(as(employee)));
        assertThat(employeeAgain.getHeader("Set-Cookie")).isNull();
        assertThat(HtmlDoc.parse(html(employeeAgain)).id("item-reads").text()).isEqualTo("3");
        assertThat(readership.figures(id).loggedInReaders()).isEqualTo(1);
        // A stale or forged cookie is not trusted: the reader gets a fresh id.
        MockHttpServletResponse forged = open(get("/p/" + id).cookie(new Cookie("txr", "'; DROP TABLE x; --")));
        assertThat(forged.getHeader("Set-Cookie")).startsWith("txr=");
        assertThat(readership.figures(id).readers()).isEqualTo(4);
    }

    @Test
    void anInternalItemSendsAnonymousReadersToTheLogInAndBackToIt() throws Exception {
        long id = at.published("内部通知：节前安全检查安排", "NOTICE", true);
        fixtures.withPassword(at.rows.getFirst(), "Tongzhi2026ab");

        MvcResult anonymous = mvc.perform(get("/p/" + id)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(readership.figures(id).readers()).isZero();
        assertThat(open(get("/p/" + id + "/cover")).getStatus()).isEqualTo(404);

        MockHttpSession session = (MockHttpSession) anonymous.getRequest().getSession(false);
        MvcResult login = mvc.perform(post("/login").session(session).with(csrf())
                .param("username", at.rows.getFirst().employeeNo()).param("password", "Tongzhi2026ab")).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).contains("/p/" + id);

        MockHttpSession signedIn = (MockHttpSession) login.getRequest().getSession(false);
        MockHttpServletResponse page = open(get("/p/" + id).session(signedIn));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(HtmlDoc.parse(html(page)).id("item-title").text()).isEqualTo("内部通知：节前安全检查安排");
        assertThat(readership.figures(id).loggedInReaders()).isEqualTo(1);
    }

    @Test
    void aDraftIsUnknownToStrangersAndAPreviewForItsWriterAndReviewer() throws Exception {
        long id = at.draft("工会换届选举工作方案（征求意见稿）", "POLICY", false);
        PublicityMedia.Picture picture = media.addPicture(at.writer, id, ShareFixtures.picture(800, 600,
                Color.GREEN));

        assertThat(open(get("/p/" + id)).getStatus()).isEqualTo(404);
        assertThat(open(get("/p/" + id).with(as(at.outsider))).getStatus()).isEqualTo(404);
        assertThat(open(get("/p/" + id).with(as(at.people.getFirst()))).getStatus()).isEqualTo(404);
        assertThat(open(get(picture.imageUrl())).getStatus()).isEqualTo(404);
        assertThat(open(get(picture.thumbUrl()).with(as(at.outsider))).getStatus()).isEqualTo(404);
        assertThat(open(get("/p/" + id + "/cover")).getStatus()).isEqualTo(404);
        assertThat(open(get("/p/" + id + "/poster.png")).getStatus()).isEqualTo(404);

        for (Viewer officer : List.of(at.writer, at.reviewer)) {
            MockHttpServletResponse preview = open(get("/p/" + id).with(as(officer)));
            assertThat(preview.getStatus()).isEqualTo(200);
            assertThat(preview.getHeader("Cache-Control")).contains("no-store");
            HtmlDoc page = HtmlDoc.parse(html(preview));
            assertThat(page.id("preview-banner").text()).contains("预览", "草稿");
            assertThat(page.meta("name", "robots")).contains("noindex");
            MockHttpServletResponse image = open(get(picture.imageUrl()).with(as(officer)));
            assertThat(image.getStatus()).isEqualTo(200);
            assertThat(image.getHeader("Cache-Control")).contains("no-store");
        }
        assertThat(readership.figures(id).readers()).isZero();
        open(post("/p/" + id + "/share").with(as(at.writer)).param("channel", "WECHAT"));
        assertThat(readership.figures(id).shares()).isZero();
    }

    @Test
    void aWithdrawnItemsPageSaysSoWithGone() throws Exception {
        long id = at.published("端午节慰问活动报名", "NEWS", false);
        assertThat(open(get("/p/" + id)).getStatus()).isEqualTo(200);
        at.withdraw(id);

        MockHttpServletResponse gone = open(get("/p/" + id));
        assertThat(gone.getStatus()).isEqualTo(410);
        HtmlDoc page = HtmlDoc.parse(html(gone));
        assertThat(page.id("withdrawn").text()).contains("已撤回");
        assertThat(html(gone)).doesNotContain("端午节慰问活动报名");
        assertThat(open(get("/p/" + id + "/cover")).getStatus()).isEqualTo(404);
        assertThat(open(get("/p/" + id + "/poster.png")).getStatus()).isEqualTo(404);
    }

    @Test
    void shareButtonsCountWithoutACsrfTokenAndWithoutScriptTheyShowHowToShare() throws Exception {
        long id = at.published("劳模风采：收费站的“老黄牛”", "MODELS", false);

        assertThat(open(post("/p/" + id + "/share").param("channel", "WECHAT")).getStatus()).isEqualTo(204);
        assertThat(open(post("/p/" + id + "/share").param("channel", "QQ")).getStatus()).isEqualTo(204);
        assertThat(open(post("/p/" + id + "/share").param("channel", "SPAM")).getStatus()).isEqualTo(400);
        MockHttpServletResponse form = open(post("/p/" + id + "/share").param("channel", "LINK").param("back", "1"));
        assertThat(form.getStatus()).isEqualTo(303);
        assertThat(form.getHeader("Location")).isEqualTo("/p/" + id + "?shared=LINK#share");
        assertThat(readership.figures(id).shares()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT channel FROM publicity_share WHERE item_id = ? ORDER BY channel").param(id)
                .query(String.class).list()).containsExactly("LINK", "QQ", "WECHAT");

        HtmlDoc page = HtmlDoc.parse(html(open(get("/p/" + id + "?shared=WECHAT"))));
        HtmlDoc.Element hint = page.elements.stream().filter(e -> "WECHAT".equals(e.attr("data-hint"))).findFirst()
                .orElseThrow();
        assertThat(hint.attrs()).doesNotContainKey("hidden");
        assertThat(hint.text()).contains("右上角");
        assertThat(page.elements.stream().filter(e -> "QQ".equals(e.attr("data-hint"))).findFirst().orElseThrow()
                .attrs()).containsKey("hidden");
    }
}
