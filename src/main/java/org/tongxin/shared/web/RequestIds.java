package org.tongxin.shared.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request carries an id: the caller's {@code X-Request-Id} when it is sane (a proxy or load balancer that
 * made one), else a new one. It is in the logging context ({@code requestId}, shown by the console pattern and in
 * JSON logs) while the request runs, and in the response header, so a user's "it failed at 10:02" can be found in the
 * log. The filter runs first, before security, so refusals carry the id too.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    // Whatever a caller sends lands in every log line of the request: letters, digits and a few separators only,
    // so it can neither forge a line nor bloat it.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Work handed to Spring's task executor (asynchronous event listeners, {@code @Async}) keeps the request id of
     * the thread that handed it over, so what a request set off can be traced to it.
     */
    @Bean
    TaskDecorator loggingContextDecorator() {
        return task -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
                Map<String, String> before = MDC.getCopyOfContextMap();
                replace(context);
                try {
                    task.run();
                } finally {
                    replace(before);
                }
            };
        };
    }

    private static void replace(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** Takes or makes the id; an async or error dispatch of the same request keeps it. */
    static final class RequestIdFilter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String id = (String) request.getAttribute(ATTRIBUTE);
            if (id == null) {
                String given = request.getHeader(HEADER);
                id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
                request.setAttribute(ATTRIBUTE, id);
                if (!response.isCommitted()) {
                    response.setHeader(HEADER, id);
                }
            }
            String outer = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, id);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                if (log.isDebugEnabled()) {
                    log.debug("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                            (System.nanoTime() - start) / 1_000_000);
                }
                if (outer == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, outer);
                }
            }
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }
}
