package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;

/** The news list of people logged in, its category filter and pages, and the home card of the newest items. */
class NewsTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;

    ShareFixtures at;
    Viewer employee;

    @BeforeEach
    void aUnitThatPublishes() {
        at = new ShareFixtures(fixtures, orgSetup, publicity, media, "资讯工会", 1);
        employee = at.people.getFirst();
    }

    private HtmlDoc page(String url) throws Exception {
        var response = mvc.perform(get(url).with(as(employee))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return HtmlDoc.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> cards(HtmlDoc doc) {
        return doc.elements.stream().map(e -> e.attr("id")).filter(id -> id != null && id.startsWith("news-")
                && id.substring(5).chars().allMatch(Character::isDigit)).toList();
    }

    @Test
    void theNewsListShowsPublishedItemsInternalOnesTooNewestFirstByCategory() throws Exception {
        long notice = at.published("春节前安全检查安排（内部）", "NOTICE", true);
        long model = at.published("劳模风采：二十年坚守收费亭", "MODELS", false);
        long draft = at.draft("草稿不上列表", "MODELS", false);

        HtmlDoc all = page("/news");
        assertThat(cards(all)).startsWith("news-" + model, "news-" + notice).doesNotContain("news-" + draft);
        HtmlDoc.Element card = all.id("news-" + model);
        assertThat(card.attr("href")).isEqualTo("/p/" + model);
        assertThat(card.text()).contains("劳模风采：二十年坚守收费亭", "劳模风采", at.unit.unit().name());
        assertThat(all.all("img")).anyMatch(i -> ("/p/" + model + "/thumb").equals(i.attr("src"))
                && "lazy".equals(i.attr("loading")));
        assertThat(all.id("news-" + notice).text()).contains("内部");
        assertThat(all.id("news-feed").attr("href")).isEqualTo("/feeds/rss");

        HtmlDoc models = page("/news?category=MODELS");
        assertThat(cards(models)).contains("news-" + model).doesNotContain("news-" + notice);
        assertThat(models.id("chip-MODELS").attr("class")).contains("btn-danger");
        assertThat(models.id("news-feed").attr("href")).isEqualTo("/feeds/rss?category=MODELS");
        assertThat(mvc.perform(get("/news")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theListComesInPagesOfTen() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(at.published("文化生活第" + (i + 1) + "期", "CULTURE", false));
        }
        List<String> first = cards(page("/news?category=CULTURE"));
        List<String> second = cards(page("/news?category=CULTURE&page=1"));
        assertThat(first).hasSize(10).startsWith("news-" + ids.getLast()).doesNotContain("news-" + ids.getFirst());
        assertThat(second).contains("news-" + ids.getFirst()).doesNotContainAnyElementsOf(first);
    }

    @Test
    void theHomeCardShowsTheThreeNewestItems() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(at.published("首页资讯" + i, "NEWS", i % 2 == 0));
        }
        HtmlDoc home = page("/");
        HtmlDoc.Element card = home.id("news-card");
        assertThat(card.text()).contains("首页资讯3", "首页资讯2", "首页资讯1").doesNotContain("首页资讯0");
        assertThat(home.id("home-news-" + ids.getLast()).attr("href")).isEqualTo("/p/" + ids.getLast());
        assertThat(home.id("news-link").attr("href")).isEqualTo("/news");
    }
}
