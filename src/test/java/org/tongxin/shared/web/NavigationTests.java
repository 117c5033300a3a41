package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The layout's menus follow who is signed in, and the static files every page links leave the session alone. */
class NavigationTests extends IntegrationTestSupport {

    private static final List<String> OFFICER_WORK = List.of("/insight", "/org/tree", "/care/cases");
    private static final List<String> WHOLE_TREE = List.of("/care/moves", "/admin/audit");
    private static final List<String> ADMIN = List.of("/admin/accounts", "/admin/notify");

    @Test
    void eachRoleSeesItsOwnMenusAndNoMore() throws Exception {
        long employee = fixtures.employeeId("100090");
        long account = fixtures.accountId(employee);
        long unit = jdbc.sql("SELECT min(id) FROM org_unit").query(Long.class).single();

        Document plain = home(Fixtures.employee(account, employee));
        assertThat(links(plain)).contains("/activities", "/library", "/me").doesNotContainAnyElementsOf(OFFICER_WORK)
                .doesNotContainAnyElementsOf(WHOLE_TREE).doesNotContainAnyElementsOf(ADMIN);
        assertThat(plain.select("nav.tx-tabbar")).as("the phone's tab bar").hasSize(1);

        Document officer = home(Fixtures.officer(account, unit));
        assertThat(links(officer)).containsAll(OFFICER_WORK).doesNotContainAnyElementsOf(WHOLE_TREE)
                .doesNotContainAnyElementsOf(ADMIN);

        Document committee = home(Fixtures.committee(account));
        assertThat(links(committee)).containsAll(OFFICER_WORK).containsAll(WHOLE_TREE).doesNotContainAnyElementsOf(ADMIN);

        Document admin = home(Fixtures.admin(fixtures.adminAccountId()));
        assertThat(links(admin)).containsAll(OFFICER_WORK).containsAll(WHOLE_TREE).containsAll(ADMIN);
    }

    @Test
    void noOneSignedInSeesNoMenus() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(login);
        assertThat(page.select("#inbox-link, nav.tx-side, nav.tx-tabbar")).isEmpty();
    }

    /**
     * Not even someone who still has to change their password is sent to the change form for a stylesheet, and the
     * session is not read: with sessions in the database a read is a query and an update. MockMvc's own dispatcher
     * still names the session in its request-handled event, which the app's turns off: TwoNodesIT proves on the jar
     * that a static file leaves the session's last access alone.
     */
    @Test
    void staticFilesNeitherReadTheSessionNorAskForTheNewPassword() throws Exception {
        long employee = fixtures.employeeId("100090");
        Viewer mustChange = new Viewer(fixtures.accountId(employee), employee, "x",
                Fixtures.employee(0, employee).roles(), Set.of(), Set.of(), true);
        AtomicInteger reads = new AtomicInteger();
        MockHttpSession watched = new MockHttpSession() {
            @Override
            public Object getAttribute(String name) {
                reads.incrementAndGet();
                return super.getAttribute(name);
            }
        };
        for (String asset : List.of("/css/tongxin.css", "/js/tongxin.js", "/favicon.ico")) {
            MockHttpServletResponse response = mvc.perform(get(asset).session(watched).with(Fixtures.as(mustChange)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(asset).isEqualTo(200);
        }
        assertThat(reads).as("session attributes read for static files").hasValue(0);

        MockHttpServletResponse page = mvc.perform(get("/").with(Fixtures.as(mustChange))).andReturn().getResponse();
        assertThat(page.getRedirectedUrl()).as("a page still asks for the new password").isEqualTo("/password");
    }

    private Document home(Viewer viewer) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/").with(Fixtures.as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> links(Document page) {
        return page.select("nav.tx-side a[href]").eachAttr("href");
    }
}
