package org.tongxin.shared.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** ASVS V2.2.1, V11.1.4, V12.1.1 / 等保 8.1.4.4 入侵防范: floods of log-ins, applications and uploads get 429. */
class RateLimitTests extends IntegrationTestSupport {

    @Autowired
    RateLimits limits;

    /** An address of the documentation range, a new one per call, so no other test's counts interfere. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private MockHttpServletResponse send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private int permits(RateLimits.Kind kind) {
        return limits.limit(kind).permits();
    }

    @Test
    void logInsFromOneAddressBeyondTheLimitAreRefusedWithRetryAfter() throws Exception {
        String address = someAddress();
        for (int i = 0; i < permits(RateLimits.Kind.LOG_IN_PER_ADDRESS); i++) {
            assertThat(send(post("/login").with(csrf()).with(from(address)).param("username", "guess-" + i + address)
                    .param("password", "wrong-password1")).getStatus()).as("attempt %d", i).isEqualTo(302);
        }
        MockHttpServletResponse refused = send(post("/login").with(csrf()).with(from(address))
                .param("username", "admin").param("password", "wrong-password1"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(send(post("/login").with(csrf()).with(from(someAddress())).param("username", "nobody-" + address)
                .param("password", "wrong-password1")).getStatus()).as("another address").isEqualTo(302);
    }

    @Test
    void logInsToOneAccountFromManyAddressesBeyondTheLimitAreRefused() throws Exception {
        String name = "target-" + someAddress();
        for (int i = 0; i < permits(RateLimits.Kind.LOG_IN_PER_ACCOUNT); i++) {
            assertThat(send(post("/login").with(csrf()).with(from(someAddress())).param("username", name)
                    .param("password", "wrong-password1")).getStatus()).isEqualTo(302);
        }
        assertThat(send(post("/login").with(csrf()).with(from(someAddress())).param("username", " " + name.toUpperCase(Locale.ROOT))
                .param("password", "wrong-password1")).getStatus()).isEqualTo(429);
    }

    @Test
    void applicationsAndUploadsOfOneAccountBeyondTheLimitAreRefused() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("限流测试工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "limits.csv", List.of(row));
        long employee = fixtures.employeeId(row.employeeNo());
        Viewer viewer = Fixtures.employee(fixtures.accountId(employee), employee);
        String address = someAddress();
        for (int i = 0; i < permits(RateLimits.Kind.APPLICATION); i++) {
            assertThat(send(post("/membership/apply").with(csrf()).with(Fixtures.as(viewer)).with(from(address)))
                    .getStatus()).isEqualTo(302);
        }
        assertThat(send(post("/membership/apply").with(csrf()).with(Fixtures.as(viewer)).with(from(someAddress())))
                .getStatus()).as("per account, whatever the address").isEqualTo(429);

        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < permits(RateLimits.Kind.UPLOAD); i++) {
            assertThat(send(multipart("/org/import").file(file).with(csrf()).with(Fixtures.as(viewer)).with(from(address)))
                    .getStatus()).isEqualTo(403);
        }
        assertThat(send(multipart("/org/import").file(file).with(csrf()).with(Fixtures.as(viewer)).with(from(address)))
                .getStatus()).isEqualTo(429);
    }

    @Test
    void theRefusalPageSpeaksTheReadersLanguage() throws Exception {
        String zh = send(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 429).accept("text/html")
                .locale(Locale.SIMPLIFIED_CHINESE)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("操作过于频繁");
        String en = send(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 429).accept("text/html")
                .sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Too many requests");
    }
}
