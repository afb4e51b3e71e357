package dev.stockroom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Makes an {@link Api} for the running service injectable into every {@link ApiTest}, knowing both its ports
 * ({@code local.management.port} is what {@code @LocalManagementPort} reads, read at each use here). Lazy, because
 * the ports are known only once the servers have started, after the context itself.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    @Lazy
    Api api(WebServerApplicationContext context) {
        return new Api(
                context.getWebServer().getPort(),
                () -> context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
    }
}
