package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.tongxin.support.Browser;
import org.tongxin.support.JourneyTestSupport;

/** The browser enforces the policy, and the console check every journey ends with really sees a violation. */
class ContentSecurityPolicyTests extends JourneyTestSupport {

    @Test
    void anInjectedInlineScriptDoesNotRunAndIsReported() throws Exception {
        WebDriver browser = Browser.phone();
        browser.get(url("/login"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("""
                var s = document.createElement('script');
                s.textContent = 'document.body.setAttribute("data-injected", "ran")';
                document.body.appendChild(s);""");
        assertThat(js.executeScript("return document.body.getAttribute('data-injected');")).isNull();
        assertThat(Browser.policyViolations()).anyMatch(m -> m.contains("script-src"));
    }
}
