package org.tongxin.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where people reach the platform, for links that leave it (printed QR labels, share pages and posters, feeds,
 * chat-group cards): {@code tongxin.public-url} when set — such links are printed or passed on and must hold the
 * public address even when made from an internal one — else the address the current request came in at, and
 * outside a request (a scheduled job) this machine, which is only right for a trial run.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final int port;

    PublicAddress(@Value("${tongxin.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = configured.strip().replaceAll("/+$", "");
        this.port = port;
    }

    /** The address without a trailing slash, e.g. {@code https://tongxin.example.com}. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        }
        return "http://localhost:" + port;
    }

    /** An absolute URL of a path of the platform ({@code /p/12}). */
    public String of(String path) {
        return base() + path;
    }
}
