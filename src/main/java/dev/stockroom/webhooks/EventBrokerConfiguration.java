package dev.stockroom.webhooks;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * Events to RabbitMQ, only when {@code stockroom.events.amqp-url} ({@code STOCKROOM_EVENTS_AMQP_URL}) has a value:
 * the outbox that {@link WebhookPublisher} writes to and the relay that publishes it. Without the URL neither
 * exists, nothing is written and no connection is attempted, so an instance needs no broker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EventBrokerConfiguration.UrlSet.class)
class EventBrokerConfiguration {

    /** How long connecting may take; the relay is waiting meanwhile, not a request. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a declaration or confirm.select may wait for the broker's answer. */
    static final Duration RPC_TIMEOUT = Duration.ofSeconds(10);
    /** How often a lost connection is tried again (the client's automatic recovery). */
    static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(5);

    @Bean
    EventOutbox eventOutbox(JdbcClient jdbc) {
        return new EventOutbox(jdbc);
    }

    @Bean
    EventRelay eventRelay(EventOutbox outbox, EventBrokerProperties properties, Clock clock) {
        return new EventRelay(outbox, connectionFactory(properties.amqpUrl()), clock);
    }

    /**
     * Connections to the broker at {@code url}, recovering by themselves once they were established. An
     * {@code amqps} URL gets TLS with the JVM's trusted certificates and host name verification (the client's
     * own default for {@code amqps} would trust any certificate). A URL it cannot use fails the start, with a
     * message that never repeats the URL, which carries the password.
     */
    static ConnectionFactory connectionFactory(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw unusable(e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("amqp") || scheme.equalsIgnoreCase("amqps"))) {
            throw unusable("the scheme must be amqp or amqps");
        }
        if (uri.getHost() == null) {
            throw unusable("it names no host");
        }
        var factory = new ConnectionFactory();
        try {
            if (scheme.equalsIgnoreCase("amqps")) {
                factory.useSslProtocol(SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
            factory.setUri(uri);
        } catch (URISyntaxException e) {
            throw unusable(e.getReason());
        } catch (IllegalArgumentException e) {
            // Not its message: a malformed escape is quoted in it, and it may be part of the password.
            throw unusable("its user info, virtual host or query is malformed (percent-encode reserved characters)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS for the event broker", e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        // The relay declares the exchange on every channel it opens; recovering declarations made on a channel
        // it has since discarded would only fail (and log an error) at each reconnection.
        factory.setTopologyRecoveryEnabled(false);
        factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL.toMillis());
        factory.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        factory.setChannelRpcTimeout((int) RPC_TIMEOUT.toMillis());
        return factory;
    }

    private static IllegalStateException unusable(String reason) {
        return new IllegalStateException(EventBrokerProperties.URL_PROPERTY
                + " (STOCKROOM_EVENTS_AMQP_URL) is not a usable AMQP URI: " + reason);
    }

    /** Matches when the URL has a value; an empty one (the default) leaves the broker off. */
    static final class UrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(EventBrokerProperties.URL_PROPERTY));
        }
    }
}
