package org.tongxin.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages stay as written. Boot's Thymeleaf configuration puts a {@link ResourceUrlEncodingFilter} in front of
 * every page because WebJars are on the classpath; it makes each {@code @{…}} link a page builds ask the static-resource chain
 * whether it is a file, and since static files are mapped at {@code /**} every link qualifies: a classpath look-up
 * in the fat jar per link, a miss each time and never cached. A search page with twenty results spent two thirds of
 * its CPU there ({@code bench/run search}). {@link AssetLinks} rewrites only the links to stylesheets and scripts, once
 * per address.
 */
@Configuration(proxyBeanMethods = false)
class PlainLinks {

    /** Boot's Thymeleaf configuration registers its own filter only when no registration of that filter exists. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
