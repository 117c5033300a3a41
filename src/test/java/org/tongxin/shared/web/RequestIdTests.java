package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.LogLines;

/** Every request has an id, in the response and in what is logged while it runs, and only while it runs. */
class RequestIdTests extends IntegrationTestSupport {

    @RegisterExtension
    final LogLines lines = new LogLines(RequestIds.RequestIdFilter.class, Level.DEBUG);

    @Test
    void aSaneIdFromTheCallerIsKeptAnsweredAndLogged() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/login").header("X-Request-Id", "lb-7f3a.2026:01"))
                .andReturn().getResponse();

        assertThat(response.getHeader("X-Request-Id")).isEqualTo("lb-7f3a.2026:01");
        assertThat(lines.list()).anySatisfy(line -> {
            assertThat(line.getFormattedMessage()).contains("GET /login 200");
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "lb-7f3a.2026:01");
        });
        assertThat(MDC.get("requestId")).as("cleared after the request").isNull();
    }

    @Test
    void withoutOneOrWithAnInsaneOneTheRequestGetsAFreshId() throws Exception {
        String made = mvc.perform(get("/login")).andReturn().getResponse().getHeader("X-Request-Id");
        String forged = mvc.perform(get("/login").header("X-Request-Id", "x\r\n2026-01-01 ERROR forged"))
                .andReturn().getResponse().getHeader("X-Request-Id");
        String huge = mvc.perform(get("/login").header("X-Request-Id", "a".repeat(65)))
                .andReturn().getResponse().getHeader("X-Request-Id");

        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(forged).matches("[0-9a-f-]{36}").isNotEqualTo(made);
        assertThat(huge).matches("[0-9a-f-]{36}");
        assertThat(lines.list()).anySatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("requestId", made));
    }

    @Test
    void aRequestSecurityTurnsAwayCarriesItsIdToo() throws Exception {
        MockHttpServletResponse refused = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
