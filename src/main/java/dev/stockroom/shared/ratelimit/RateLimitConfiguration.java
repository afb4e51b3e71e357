package dev.stockroom.shared.ratelimit;

import jakarta.servlet.Filter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token endpoint's rate limit, by address, in front of Spring Security and the sign-in throttle (whose chain answers that endpoint
 * itself). The API's own is in its security chain, after authentication ({@link RateLimiting#byCaller()}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<Filter> tokenEndpointRateLimit(RateLimiting limiting) {
        var registration = new FilterRegistrationBean<>(limiting.byAddress());
        registration.addUrlPatterns("/oauth2/token");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }
}
