package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.support.WebClient;

/**
 * Large-text mode reaches every page: each page template is drawn by the common layout (which marks {@code <html>}
 * from the switch) or marks its own {@code <html>}; the switch is remembered in a cookie, and on the account when
 * someone is logged in; error pages honour it too.
 */
class LargeTextTests extends PageTestSupport {

    /** Not read on a phone: A4 label sheets printed at their size in mm, and the meeting room's screen sized to it. */
    private static final Set<String> NOT_FOR_READING = Set.of("library/admin/labels.html", "insight/screen.html");
    private static final String MARK = "th:classappend=\"${largeText == true} ? 'tx-large'\"";

    @LocalServerPort
    int port;

    @Test
    void everyPageTemplateUsesTheCommonLayoutOrMarksItsOwnHtml() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
        List<String> pages = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (Resource template : templates) {
            String name = template.getURL().getPath().replaceFirst(".*/templates/", "");
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            boolean fragmentsOnly = html.contains("th:fragment=") && !html.contains("layout :: layout(");
            if (name.equals("layout.html") || fragmentsOnly) {
                continue;
            }
            pages.add(name);
            boolean honoured = html.contains("~{layout :: layout(") || html.contains(MARK);
            if (!honoured && !NOT_FOR_READING.contains(name)) {
                unmarked.add(name);
            }
        }
        assertThat(pages).as("page templates found").hasSizeGreaterThan(150)
                .contains("identity/home.html", "error.html", "publicity/page.html");
        assertThat(unmarked).as("page templates that ignore large text").isEmpty();
        String layout = new PathMatchingResourcePatternResolver().getResource("classpath:templates/layout.html")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(layout).contains(MARK, "id=\"text-size\"");
    }

    @Test
    void theCookieMarksThePageTheErrorPageAndTheLogInPage() throws Exception {
        Cookie large = new Cookie("tx-text", "large");
        assertThat(perform(get("/login").cookie(large)).getContentAsString()).contains("<html lang=\"zh-CN\" class=\"tx-large\"");
        assertThat(perform(get("/login")).getContentAsString()).doesNotContain("tx-large");
        assertThat(perform(get("/login").cookie(new Cookie("tx-text", "normal"))).getContentAsString())
                .doesNotContain("tx-large");
        Viewer employee = employee();
        assertThat(page("/me", employee)).doesNotContain("class=\"tx-large\"").contains("id=\"text-size-switch\"");
        // The container's error page, past MockMvc.
        HttpResponse<byte[]> missing = new WebClient(port).raw("/css/missing.css", "Accept", "text/html",
                "Cookie", "tx-text=large");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("class=\"tx-large\"", "id=\"text-size\"");
    }

    @Test
    void theSwitchIsKeptInTheBrowserAndOnTheAccount() throws Exception {
        Viewer employee = employee();
        MockHttpServletResponse on = perform(post("/text-size").param("large", "true").header("Referer", "/me")
                .with(csrf()).with(as(employee)));
        assertThat(on.getRedirectedUrl()).isEqualTo("/me");
        assertThat(on.getHeader("Set-Cookie")).startsWith("tx-text=large;").contains("Max-Age=31536000", "HttpOnly");
        assertThat(largeText(employee)).isTrue();

        MockHttpServletResponse off = perform(post("/text-size").param("large", "false").with(csrf()).with(as(employee)));
        assertThat(off.getHeader("Set-Cookie")).startsWith("tx-text=normal;");
        assertThat(largeText(employee)).isFalse();

        MockHttpServletResponse visitor = perform(post("/text-size").param("large", "true").with(csrf()));
        assertThat(visitor.getStatus()).isEqualTo(302);
        assertThat(visitor.getHeader("Set-Cookie")).startsWith("tx-text=large;");
    }

    private Viewer employee() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("大字工会");
        var row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "large-text.csv", List.of(row));
        long employee = fixtures.employeeId(row.employeeNo());
        return Fixtures.employee(fixtures.accountId(employee), employee);
    }

    private Boolean largeText(Viewer viewer) {
        return jdbc.sql("SELECT large_text FROM account WHERE id = ?").param(viewer.accountId())
                .query(Boolean.class).single();
    }
}
