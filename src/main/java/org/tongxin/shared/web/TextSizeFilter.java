package org.tongxin.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every template, error pages and pages outside the common layout included, whether large text is on: a
 * request attribute, which Thymeleaf reads like a model variable.
 */
@Component
class TextSizeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(TextSize.ATTRIBUTE, TextSize.isLarge(request));
        chain.doFilter(request, response);
    }
}
