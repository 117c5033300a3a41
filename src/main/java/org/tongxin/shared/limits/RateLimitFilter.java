package org.tongxin.shared.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * Answers 429 (with Retry-After and the error page in the reader's language) to log-ins beyond the limit per address
 * and per log-in name, to applications (joining the union, registering for an activity or a volunteer shift) beyond
 * the limit per account, and to uploads (any multipart post) beyond the limit per account, or per address for
 * someone not logged in. Sits in the security chain before the log-in filter, where the session's viewer is known.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern APPLICATION = Pattern.compile(
            "/membership/apply|/activities/\\d+/register|/volunteering/shifts/\\d+/signup");

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || limits.exempt(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String address = request.getRemoteAddr();
        List<Optional<Duration>> over = new ArrayList<>();
        if (path.equals("/login")) {
            over.add(limits.take(RateLimits.Kind.LOG_IN_PER_ADDRESS, address));
            String name = request.getParameter("username");
            if (name != null && !name.isBlank()) {
                over.add(limits.take(RateLimits.Kind.LOG_IN_PER_ACCOUNT, name.strip().toLowerCase(Locale.ROOT)));
            }
        } else {
            String who = CurrentViewer.find().map(Viewer::accountId).map(id -> "account:" + id)
                    .orElse("address:" + address);
            if (APPLICATION.matcher(path).matches()) {
                over.add(limits.take(RateLimits.Kind.APPLICATION, who));
            }
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                over.add(limits.take(RateLimits.Kind.UPLOAD, who));
            }
        }
        Optional<Duration> wait = over.stream().flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}
