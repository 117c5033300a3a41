package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** ASVS V14.4 and V3.2/V3.4: the headers every response carries, and the session cookie across a log-in. */
class SecurityHeadersTests extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    private static void assertHardened(MockHttpServletResponse response, String frameAncestors) {
        assertHeaders(response, frameAncestors);
        assertThat(response.getHeader("Cache-Control")).as("ASVS 8.2.1").contains("no-store");
    }

    /** Stylesheets and scripts hold nothing personal and carry their content's hash in the address: cached a year. */
    private static void assertHardenedStatic(MockHttpServletResponse response) {
        assertHeaders(response, "'none'");
        assertThat(response.getHeader("Cache-Control")).contains("public").doesNotContain("no-store");
    }

    private static void assertHeaders(MockHttpServletResponse response, String frameAncestors) {
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self';", "object-src 'self'", "base-uri 'self'",
                "frame-ancestors " + frameAncestors);
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo(frameAncestors.equals("'none'") ? "DENY" : "SAMEORIGIN");
    }

    @Test
    void everyKindOfResponseCarriesThePolicyAndNoneMayBeFramed() throws Exception {
        assertHardened(mvc.perform(get("/login")).andReturn().getResponse(), "'none'");
        assertHardened(mvc.perform(get("/")).andReturn().getResponse(), "'none'");
        assertHardenedStatic(mvc.perform(get("/css/tongxin.css")).andReturn().getResponse());
        assertHardened(mvc.perform(get("/p/no-such-share")).andReturn().getResponse(), "'none'");
        long admin = fixtures.adminAccountId();
        assertHardened(mvc.perform(get("/admin/audit").with(Fixtures.as(Fixtures.admin(admin)))).andReturn()
                .getResponse(), "'none'");
    }

    @Test
    void onlyAPdfLessonMayBeFramedAndOnlyByOurOwnLessonPage() throws Exception {
        assertHardened(mvc.perform(get("/training/courses/1/lessons/1/file")).andReturn().getResponse(), "'self'");
        assertHardened(mvc.perform(get("/training/courses/1/lessons/1")).andReturn().getResponse(), "'none'");
    }

    @Test
    void anIdleSessionEndsWithinThirtyMinutes() {
        assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
                .isLessThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void hstsOnlyOverTls() throws Exception {
        assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).contains("max-age=");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .isNull();
    }

    /**
     * The policy allows no inline script, so a template that brings one back would break in the browser: this finds
     * it first. htmx's hx-on and js: values are evaluated code too.
     */
    @Test
    void noTemplateNeedsInlineScript() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:"
                + "|hx-on|hx-vals=\"js:|hx-vars", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = inline.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void logInGivesANewSessionIdInAnHttpOnlySameSiteCookie() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("session id only in the cookie, never in a link").doesNotContainIgnoringCase("jsessionid");
        String before = sessionCookie(page).orElseThrow();
        String name = before.substring(0, before.indexOf('='));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=100090&password=" + URLEncoder.encode("Tongxin@2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", before.substring(0, before.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String after = sessionCookie(login).filter(c -> c.startsWith(name + "=")).orElseThrow();
        assertThat(value(after)).isNotEqualTo(value(before));
        assertThat(after).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION=")).findFirst();
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
