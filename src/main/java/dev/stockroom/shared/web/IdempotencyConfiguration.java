package dev.stockroom.shared.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Puts the idempotency filter right after Spring Security, which tells it who the client is. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotencyFilter idempotencyFilter(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Problems problems,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            IdempotencyProperties properties) {
        return new IdempotencyFilter(jdbc, transactions, problems, resolver, properties);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
