package org.tongxin.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail: one to prove a server error shows the error page and no stack trace, one whose
 * database refuses the statement with a chosen SQLState, to prove which refusals are the person's input.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingEndpoint {

    @RestController
    static class Boom {

        private final JdbcClient jdbc;

        Boom(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail at org.tongxin.Boom");
        }

        /** PostgreSQL itself raises the error, so the driver and Spring's translation are the real ones. */
        @GetMapping("/test/database-refuses")
        String databaseRefuses(@RequestParam String state) {
            if (!state.matches("[0-9A-Z]{5}")) {
                throw new IllegalArgumentException("not an SQLState");
            }
            jdbc.sql("DO $$ BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = '" + state + "'; END $$").update();
            return "not refused";
        }
    }
}
