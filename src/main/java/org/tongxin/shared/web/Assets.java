package org.tongxin.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The static files every page links — stylesheets, scripts, the icon: public, the same for everyone, and served
 * without the person's session. With sessions in the database, reading one is a query and touching it an update
 * and a commit; a page view asked for three of them before (docs/decisions.md).
 */
public final class Assets {

    /** For security's matchers: the assets' own filter chain, which loads no session. */
    public static final String[] PATTERNS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico"};

    static final List<String> PREFIXES = List.of("/css/", "/js/", "/webjars/");

    private Assets() {
    }

    static boolean isAsset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/favicon.ico") || PREFIXES.stream().anyMatch(path::startsWith);
    }

    /**
     * Flash messages live in the session, and the dispatcher looks for them on every request it serves, static
     * files included: for those it does not look.
     */
    @Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    static class FlashMessages extends SessionFlashMapManager {
        @Override
        protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
            return isAsset(request) ? null : super.retrieveFlashMaps(request);
        }
    }
}
