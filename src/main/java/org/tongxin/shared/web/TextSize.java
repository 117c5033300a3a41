package org.tongxin.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Large-text mode (适老化): kept in a cookie so every page, for anonymous visitors too, reads it without a database
 * query; an account's own choice (kept by identity) writes the cookie again at every log-in.
 */
public final class TextSize {

    /** The request attribute every template reads (the layout puts a class on {@code <html>}). */
    public static final String ATTRIBUTE = "largeText";
    static final String COOKIE = "tx-text";
    private static final String LARGE = "large";

    private TextSize() {
    }

    public static boolean isLarge(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return LARGE.equals(cookie.getValue());
            }
        }
        return false;
    }

    /** Remembers the choice in this browser for a year, and for the rest of this request. */
    public static void remember(HttpServletRequest request, HttpServletResponse response, boolean large) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, large ? LARGE : "normal").path(contextPath(request))
                .maxAge(Duration.ofDays(365)).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        request.setAttribute(ATTRIBUTE, large);
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }
}
