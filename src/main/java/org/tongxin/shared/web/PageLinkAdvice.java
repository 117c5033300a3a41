package org.tongxin.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page {@code pageBase}: the current path and query without {@code page}, ending in
 * {@code ?} or {@code &}, so the pager keeps whatever filters the list was opened with.
 */
@ControllerAdvice
class PageLinkAdvice {

    @ModelAttribute("pageBase")
    String pageBase(HttpServletRequest request) {
        String query = request.getQueryString();
        String rebuilt = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("page").build()
                .getQuery();
        String base = request.getRequestURI();
        return rebuilt == null || rebuilt.isEmpty() ? base + "?" : base + "?" + rebuilt + "&";
    }
}
