package dev.stockroom.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Events to a message broker ({@code stockroom.events.*}). Without a URL nothing of it exists: no outbox row is
 * written and no connection is opened.
 *
 * @param amqpUrl the RabbitMQ server, {@code amqp://user:password@host:5672/vhost} or {@code amqps://...} (TLS,
 *     checked against the JVM's trusted certificates and the host name); a secret, since it carries the password
 */
@ConfigurationProperties("stockroom.events")
record EventBrokerProperties(@DefaultValue("") String amqpUrl) {

    /** The topic exchange every event goes to, with its type as the routing key. */
    static final String EXCHANGE = "stockroom.events";

    /** The setting that switches the broker on, as the condition reads it before any binding. */
    static final String URL_PROPERTY = "stockroom.events.amqp-url";

    /** Never the URL itself: it carries the password. */
    @Override
    public String toString() {
        return "EventBrokerProperties[amqpUrl=" + (amqpUrl.isBlank() ? "" : "(set)") + "]";
    }
}
