package org.tongxin.identity.internal;

import java.io.IOException;
import java.util.Locale;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.tongxin.shared.limits.RateLimitFilter;
import org.tongxin.shared.limits.RateLimits;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Assets;
import org.tongxin.shared.web.TextSize;

/**
 * Who may reach what. Officer pages need an officer grant or more; each page then checks that the
 * record lies in the officer's subtree. CSRF protection stays on for every form and htmx call.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        return resolver;
    }

    /**
     * Stylesheets, scripts and the icon come before the pages' chain, without the session ({@link Assets}): no
     * security context read from it, no session management, no saved request, no CSRF token; the same security
     * headers as the pages.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain assets(HttpSecurity http) throws Exception {
        http.securityMatcher(Assets.PATTERNS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** nosniff and HSTS (on secure requests only) are Spring Security's defaults; see SecurityHeaders. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new SecurityHeaders());
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, Accounts accounts, LoginService logins, LocaleResolver locales,
                           RateLimits rateLimits)
            throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                org.springframework.security.core.Authentication auth)
                    throws ServletException, IOException {
                Viewer viewer = (Viewer) auth.getPrincipal();
                SessionChecks.remember(request, accounts.sessionState(viewer.accountId()));
                accounts.find(viewer.accountId()).map(Account::locale).filter(l -> !l.isBlank())
                        .ifPresent(l -> locales.setLocale(request, response, Locale.forLanguageTag(l)));
                accounts.largeText(viewer.accountId()).ifPresent(large -> TextSize.remember(request, response, large));
                super.onAuthenticationSuccess(request, response, auth);
            }
        };
        success.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/lang", "/text-size", "/error", "/actuator/health",
                                "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // The check page of a training certificate, opened from the QR code by anyone.
                        .requestMatchers("/verify/**").permitAll()
                        // A voucher's check page, opened by the partner's staff from its QR code: they have no accounts.
                        .requestMatchers("/benefits/vouchers/check/**").permitAll()
                        .requestMatchers("/benefits/birthday/admin").hasRole("COMMITTEE")
                        .requestMatchers("/benefits/offers/manage", "/benefits/offers/manage/**",
                                "/benefits/birthday/manage", "/benefits/birthday/manage/**")
                        .hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // Published publicity is read by anyone a link reaches, in WeChat or QQ, without an account;
                        // the controllers let through only what is published (internal items ask for a log-in).
                        .requestMatchers("/p/**", "/feeds/**", "/publicity/pictures/**", "/publicity/items/*/video",
                                "/publicity/items/*/poster").permitAll()
                        .requestMatchers("/publicity-admin", "/publicity-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/live-admin", "/live-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/voice-admin", "/voice-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/rights/handle", "/rights/handle/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // The encoder's only credential is the stream key in the address; viewers of a public session
                        // need no account. Both are checked in the live module against the session.
                        .requestMatchers("/live/ingest/**", "/live/*/hls/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/live/*", "/live/*/replay", "/live/*/chat/stream",
                                "/live/*/cover").permitAll()
                        // nginx-rtmp asks whether to take a stream; the live module answers only local callers.
                        .requestMatchers(HttpMethod.POST, "/live/rtmp/on-publish").permitAll()
                        .requestMatchers("/training-admin", "/training-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // Activity results and honours are read by employees; only officers publish, give or revoke.
                        .requestMatchers(HttpMethod.POST, "/activity-results/**", "/honours/**")
                        .hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // An employee's own hardship aid, before the officers' /care/**; the evidence download
                        // lets through only the applicant and the chain's carers itself.
                        .requestMatchers("/care/aid/mine/**", "/care/aid/*/files/*").authenticated()
                        .requestMatchers("/admin/audit/**").hasAnyRole("COMMITTEE", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/activity-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // The loan rules are the committee's; the rest of the library's officer side is every officer's,
                        // each service deciding which rooms are theirs.
                        .requestMatchers("/library-admin/rules", "/library-admin/rules/**").hasRole("COMMITTEE")
                        .requestMatchers("/library-admin", "/library-admin/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/care/moves", "/care/moves/import").hasAnyRole("COMMITTEE", "ADMIN")
                        .requestMatchers("/care/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        // Shared venues: every officer sees every venue; the service decides who keeps or asks.
                        .requestMatchers("/activity-venues", "/activity-venues/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/volunteering/manage/**").hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .requestMatchers("/org/**", "/membership/applications/**", "/membership/window/**",
                                "/membership/flags/**", "/membership/coverage/**", "/membership/ceremonies/**",
                                "/membership/settings",
                                "/membership/verify")
                        .hasAnyRole("OFFICER", "COMMITTEE", "ADMIN")
                        .anyRequest().authenticated())
                // A share only adds one to a counter; anonymous readers get no session just to carry a token. An
                // encoder, and nginx-rtmp asking on its behalf, carry no session at all.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/p/*/share", "/live/ingest/**", "/live/rtmp/on-publish"))
                .formLogin(form -> form.loginPage("/login").successHandler(success)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error=" + (e instanceof LockedException ? "locked" : "bad"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfig::headers)
                .addFilterBefore(new RateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionChecks(accounts, logins), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeFirst(), AuthorizationFilter.class);
        return http.build();
    }

    /** Until the first password change, every page but the change form itself redirects there. */
    static final class PasswordChangeFirst extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean mustChange = CurrentViewer.find().map(Viewer::mustChangePassword).orElse(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (mustChange && !path.equals("/password") && !path.equals("/logout") && !path.equals("/lang")
                    && !path.equals("/text-size") && !path.equals("/error")) {
                response.sendRedirect(request.getContextPath() + "/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
