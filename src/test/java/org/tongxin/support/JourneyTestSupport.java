package org.tongxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** End-to-end journeys: the running server on its random port, and logging in with the shared browser. */
public abstract class JourneyTestSupport extends IntegrationTestSupport {

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected void logIn(WebDriver browser, String login, String password) {
        Browser.logIn(browser, url(""), login, password);
    }

    /** Every journey also proves that the Content-Security-Policy blocked nothing the pages need. */
    @AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        assertThat(Browser.policyViolations()).isEmpty();
    }
}
