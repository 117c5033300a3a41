package org.tongxin.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails, to prove a server error shows the error page and no stack trace. */
@TestConfiguration(proxyBeanMethods = false)
public class FailingEndpoint {

    @RestController
    static class Boom {
        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail at org.tongxin.Boom");
        }
    }
}
