package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} answers only the scraper: HTTP Basic as {@code tongxin.metrics.scrape-user} with
 * {@code tongxin.metrics.scrape-password} (plain, or {@code {bcrypt}…}), no session, no other account. Without a
 * password nobody reads it. The scraper's credential is kept apart from the people's accounts so it can be put in a
 * Prometheus configuration without being anyone's log-in, and a leaked one reveals figures, not records.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfig {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    @Bean
    @Order(1)
    SecurityFilterChain scrape(HttpSecurity http, @Value("${tongxin.metrics.scrape-user:prometheus}") String user,
                               @Value("${tongxin.metrics.scrape-password:}") String password) throws Exception {
        List<UserDetails> scrapers = new ArrayList<>();
        if (!password.isBlank()) {
            scrapers.add(User.withUsername(user).password(password.startsWith("{") ? password : "{noop}" + password)
                    .roles("METRICS").build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(scrapers));
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        http.securityMatcher(SCRAPE_PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("METRICS"))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
