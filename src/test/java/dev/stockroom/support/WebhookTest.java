package dev.stockroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ApiTest} with the webhook worker on and receivers allowed on 127.0.0.1 over http, with short retries
 * and timeouts: every class with this annotation shares one such context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@TestPropertySource(properties = WebhookTest.PROPERTIES)
public @interface WebhookTest {

    /** Also given to second instances and restarted processes, so they deliver like the test's own. */
    String PROPERTIES = """
            stockroom.webhooks.worker=true
            stockroom.webhooks.allow-http=true
            stockroom.webhooks.allowed-networks=127.0.0.1/32
            stockroom.webhooks.retry-initial=300ms
            stockroom.webhooks.retry-max-delay=3s
            stockroom.webhooks.max-attempts=3
            stockroom.webhooks.timeout=2s
            stockroom.webhooks.poll-interval=100ms
            stockroom.webhooks.breaker-threshold=4
            stockroom.webhooks.breaker-open=1s
            """;
}
