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
 * Keeps a signed-in session's rights in step with its grants: one indexed look-up of the account's
 * grants version per request, and a rebuilt {@link Viewer} when an admin has granted or revoked
 * something since. A revoked officer loses the unit on the next click, not at the next log-in.
 */
final class FreshGrants extends OncePerRequestFilter {

    static final String VERSION = FreshGrants.class.getName() + ".version";

    private final Accounts accounts;
    private final LoginService logins;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    FreshGrants(Accounts accounts, LoginService logins) {
        this.accounts = accounts;
        this.logins = logins;
    }

    /** Remembers the version the session's viewer was built from. */
    static void remember(HttpServletRequest request, int version) {
        request.getSession().setAttribute(VERSION, version);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Viewer viewer = CurrentViewer.find().orElse(null);
        if (session != null && viewer != null && session.getAttribute(VERSION) instanceof Integer known) {
            int current = accounts.grantsVersion(viewer.accountId());
            if (current != known) {
                refresh(viewer, current, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void refresh(Viewer viewer, int version, HttpServletRequest request, HttpServletResponse response) {
        Viewer fresh = accounts.find(viewer.accountId()).map(logins::viewerOf).orElse(null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (fresh != null) {
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            fresh.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, authorities));
        }
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        remember(request, version);
    }
}
