package org.tongxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * Keeps a signed-in session in step with its account, with a primary-key look-up reused for a moment: when
 * an admin has granted or revoked something since, the {@link Viewer} is rebuilt (a revoked officer
 * loses the unit on the next click); when the password was changed or reset elsewhere, the session
 * ends (whoever signed in with the old password is out).
 */
public final class SessionChecks extends OncePerRequestFilter {

    private static final String VERSION = SessionChecks.class.getName() + ".version";
    private static final String STAMP = SessionChecks.class.getName() + ".stamp";

    private final Accounts accounts;
    private final LoginService logins;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionChecks(Accounts accounts, LoginService logins) {
        this.accounts = accounts;
        this.logins = logins;
    }

    /** Remembers what the session's viewer was built from, at log-in and after the person's own password change. */
    public static void remember(HttpServletRequest request, Accounts.SessionState checks) {
        request.getSession().setAttribute(VERSION, checks.grantsVersion());
        request.getSession().setAttribute(STAMP, checks.sessionStamp());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Viewer viewer = CurrentViewer.find().orElse(null);
        if (session != null && viewer != null && session.getAttribute(VERSION) instanceof Integer version
                && session.getAttribute(STAMP) instanceof Integer stamp) {
            Accounts.SessionState current = accounts.recentSessionState(viewer.accountId());
            if (current.sessionStamp() != stamp || current.grantsVersion() != version) {
                // What this node read may be older than the session (changed on another node): act on the row.
                current = accounts.sessionState(viewer.accountId());
            }
            if (current.sessionStamp() != stamp) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (current.grantsVersion() != version) {
                refresh(viewer, current, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void refresh(Viewer viewer, Accounts.SessionState checks, HttpServletRequest request,
                         HttpServletResponse response) {
        Viewer fresh = accounts.find(viewer.accountId()).map(logins::viewerOf).orElse(null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (fresh != null) {
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            fresh.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, authorities));
        }
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        remember(request, checks);
    }
}
