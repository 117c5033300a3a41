package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy and framing rule of every response. Scripts come only from our own files (no inline
 * script, handler attribute or eval anywhere: htmx's {@code hx-on} is not used), so an injected {@code <script>} or
 * {@code onerror=} does not run even where an escape was missed. Styles allow inline: fifty templates carry
 * {@code style=} attributes, three pages a {@code <style>} block, ECharts draws its tooltips with inline styles and
 * htmx adds its indicator style; a style cannot run script. Pictures may be {@code data:} (Bootstrap's form icons,
 * chart exports) or {@code blob:} (a cover's preview before upload); hls.js plays live video from a {@code blob:}
 * media source and parses it in a {@code blob:} worker.
 *
 * <p>No page of ours is framed by anyone else ({@code frame-ancestors 'none'}); the one exception is a course's PDF
 * lesson, which the lesson page shows in an {@code <object>} of its own origin.
 */
final class SecurityHeaders implements HeaderWriter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self' blob:; object-src 'self'; "
            + "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    private static final Pattern FRAMED_BY_OWN_PAGES = Pattern.compile("/training/courses/\\d+/lessons/\\d+/file");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean ownFrame = FRAMED_BY_OWN_PAGES.matcher(path).matches();
        response.setHeader("Content-Security-Policy", POLICY + (ownFrame ? "'self'" : "'none'"));
        // For browsers that predate frame-ancestors.
        response.setHeader("X-Frame-Options", ownFrame ? "SAMEORIGIN" : "DENY");
    }
}
