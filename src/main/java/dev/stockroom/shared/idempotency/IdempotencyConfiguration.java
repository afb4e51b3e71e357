package dev.stockroom.shared.idempotency;

import dev.stockroom.shared.database.SharedSecrets;
import dev.stockroom.shared.security.ProblemSecurityHandlers;
import dev.stockroom.shared.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the parts: the filter (HTTP), the store (SQL and encryption) and the clean-up. The filter runs right
 * after Spring Security, which tells it who the caller is.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, SharedSecrets secrets, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, secrets, properties);
    }

    @Bean
    IdempotencyFilter idempotencyFilter(
            IdempotencyStore store,
            TransactionTemplate transactions,
            Problems problems,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            @Qualifier("requestMappingHandlerMapping") HandlerMapping handlers,
            ProblemSecurityHandlers accessDenied,
            MeterRegistry registry,
            JsonMapper json) {
        return new IdempotencyFilter(store, transactions, problems, resolver, handlers, accessDenied, registry, json);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/v1/*", IdempotencyFilter.GRAPHQL_PATH);
        return registration;
    }

    @Bean
    ExpiredKeysCleanup expiredIdempotencyKeysCleanup(IdempotencyStore store) {
        return new ExpiredKeysCleanup(store);
    }
}
