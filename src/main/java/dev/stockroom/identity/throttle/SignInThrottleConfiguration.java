package dev.stockroom.identity.throttle;

import dev.stockroom.shared.web.Problems;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the sign-in throttle in front of the token endpoint and the login form, ahead of Spring Security. */
@Configuration(proxyBeanMethods = false)
class SignInThrottleConfiguration {

    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(
            SignInThrottle throttle, Problems problems, ApplicationEventPublisher events) {
        var registration = new FilterRegistrationBean<>(new SignInThrottleFilter(throttle, problems, events));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/oauth2/token", "/login");
        return registration;
    }
}
