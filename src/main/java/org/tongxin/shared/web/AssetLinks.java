package org.tongxin.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to stylesheets and scripts ({@code /css/}, {@code /js/}, {@code /webjars/}) get the content hash of their file
 * in the address, so they can be cached for a year and a new release is fetched at once. Only those prefixes are asked
 * about, each once per address: Boot's own filter asked the resource chain about every link of every page (see
 * {@link PlainLinks}). Error pages are rendered through it too.
 */
@Component
class AssetLinks extends OncePerRequestFilter {

    private final ObjectProvider<ResourceUrlProvider> resources;
    /** Asset address → hashed address; as many entries as the templates link assets. */
    private final Map<String, String> hashed = new ConcurrentHashMap<>();

    AssetLinks(ObjectProvider<ResourceUrlProvider> resources) {
        this.resources = resources;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(hashed(context, url));
            }
        });
    }

    private String hashed(String context, String url) {
        if (!url.startsWith(context) || url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
            return url;
        }
        String path = url.substring(context.length());
        if (Assets.PREFIXES.stream().noneMatch(path::startsWith)) {
            return url;
        }
        String known = hashed.get(path);
        if (known == null) {
            ResourceUrlProvider provider = resources.getIfAvailable();
            known = provider == null ? null : provider.getForLookupPath(path);
            if (known == null) {
                return url;
            }
            hashed.put(path, known);
        }
        return context + known;
    }
}
