package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Links that leave the platform: the configured public address first, then the request's, then this machine. */
class PublicAddressTests {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void during(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void theConfiguredAddressWinsEvenInsideARequestFromAnInternalOne() {
        during("http", "10.0.0.5", 8080);
        PublicAddress address = new PublicAddress(" https://tongxin.example.com/ ", 8080);
        assertThat(address.of("/p/12")).isEqualTo("https://tongxin.example.com/p/12");
    }

    @Test
    void withoutOneTheRequestsOwnSchemeHostAndPortAndOutsideARequestThisMachine() {
        PublicAddress address = new PublicAddress("", 8443);
        assertThat(address.base()).isEqualTo("http://localhost:8443");
        during("https", "union.example.org", 8443);
        assertThat(address.of("/feeds/rss")).isEqualTo("https://union.example.org:8443/feeds/rss");
    }
}
