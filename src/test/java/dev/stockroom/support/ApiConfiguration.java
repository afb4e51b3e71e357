package dev.stockroom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Makes an {@link Api} for the running service injectable into every {@link ApiTest}. Lazy, because the port is
 * known only once the server has started, after the context itself.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    @Lazy
    Api api(WebServerApplicationContext context) {
        return new Api(context.getWebServer().getPort());
    }
}
