package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.support.IntegrationTestSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * RSS and Atom feeds: well-formed XML of the right type, absolute links, filtered by category and by a unit's
 * subtree, and never an internal item, a draft or a withdrawn one.
 */
class FeedTests extends IntegrationTestSupport {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;

    ShareFixtures at;
    OrgUnit team;
    long news;
    long policy;
    long teamNews;
    long internal;
    long draft;
    long withdrawn;
    long elsewhere;

    @BeforeEach
    void itemsOfAUnitAndItsTeam() {
        at = new ShareFixtures(fixtures, orgSetup, publicity, media, "订阅工会", 0);
        team = orgSetup.createUnit(at.unit.unit().id(), "订阅工会收费班组", UnitKind.GROUP);
        // A control character pasted into a title must not break the feed.
        news = at.published("工会动态：职工之家\u0007建成", "NEWS", false);
        policy = at.published("政策解读：带薪年休假", "POLICY", false);
        teamNews = at.draft("班组动态：夜班暖心包", "NEWS", false, "<p>夜班暖心包送到岗位。</p>", team.id());
        at.publish(teamNews);
        internal = at.published("内部：值班表", "NEWS", true);
        draft = at.draft("草稿：尚未审核", "NEWS", false);
        withdrawn = at.published("已撤回的消息", "NEWS", false);
        at.withdraw(withdrawn);
        ShareFixtures other = new ShareFixtures(fixtures, orgSetup, publicity, media, "别处工会", 0);
        elsewhere = other.published("别处的工会动态", "NEWS", false);
    }

    private Document xml(String url, String type) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        assertThat(response.getHeader("Cache-Control")).contains("public");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    private static List<String> texts(Document doc, String ns, String element) {
        NodeList nodes = ns == null ? doc.getElementsByTagName(element) : doc.getElementsByTagNameNS(ns, element);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static String page(long id) {
        return "http://localhost/p/" + id;
    }

    @Test
    void theRssFeedOfAUnitHoldsItsSubtreesPublicItemsNewestFirst() throws Exception {
        Document rss = xml("/feeds/rss?unit=" + at.unit.unit().id(), "application/rss+xml");
        assertThat(rss.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = rss.getElementsByTagName("item");
        List<String> links = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            links.add(((Element) items.item(i)).getElementsByTagName("link").item(0).getTextContent());
        }
        assertThat(links).containsExactly(page(teamNews), page(policy), page(news));
        assertThat(texts(rss, null, "title")).contains("工会动态：职工之家建成", "政策解读：带薪年休假");
        assertThat(texts(rss, null, "category")).contains("工会动态", "政策宣传");
        assertThat(texts(rss, "http://purl.org/dc/elements/1.1/", "creator")).contains(team.name(),
                at.unit.unit().name());
        assertThat(texts(rss, null, "pubDate").getFirst()).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} .*");

        Document teamOnly = xml("/feeds/rss?unit=" + team.id(), "application/rss+xml");
        assertThat(texts(teamOnly, null, "link")).contains(page(teamNews)).doesNotContain(page(news), page(policy));
    }

    @Test
    void theAtomFeedFiltersByCategoryAndNeverShowsInternalDraftOrWithdrawnItems() throws Exception {
        Document atom = xml("/feeds/atom?category=NEWS&unit=" + at.unit.unit().id(), "application/atom+xml");
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
        List<String> ids = texts(atom, ATOM, "id");
        assertThat(ids.getFirst()).isEqualTo("http://localhost/feeds/atom?category=NEWS&unit=" + at.unit.unit().id());
        assertThat(ids.subList(1, ids.size())).containsExactly(page(teamNews), page(news));
        NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");
        Element first = (Element) entries.item(0);
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .isEqualTo(page(teamNews));
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
                .isEqualTo("NEWS");
        assertThat(first.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent()).endsWith("Z");

        Document everything = xml("/feeds/atom", "application/atom+xml");
        assertThat(texts(everything, ATOM, "id")).contains(page(elsewhere), page(news))
                .doesNotContain(page(internal), page(draft), page(withdrawn));
        Document policies = xml("/feeds/rss?category=POLICY", "application/rss+xml");
        assertThat(texts(policies, null, "link")).contains(page(policy)).doesNotContain(page(news), page(elsewhere));
    }

    @Test
    void anUnknownCategoryOrUnitIsRefused() throws Exception {
        assertThat(mvc.perform(get("/feeds/rss?category=GOSSIP")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/feeds/atom?unit=987654321")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
