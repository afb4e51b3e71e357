package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class EventBrokerTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(OnlyWithABroker.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(EventBrokerConfiguration.UrlSet.class)
    static class OnlyWithABroker {

        @Bean
        String broker() {
            return "on";
        }
    }

    @Test
    void withoutAUrlNothingOfTheBrokerExists() {
        contexts.run(context -> assertThat(context).doesNotHaveBean("broker"));
        contexts.withPropertyValues("stockroom.events.amqp-url=")
                .run(context -> assertThat(context).doesNotHaveBean("broker"));
        contexts.withPropertyValues("stockroom.events.amqp-url=  ")
                .run(context -> assertThat(context).doesNotHaveBean("broker"));
    }

    @Test
    void aUrlSwitchesTheBrokerOn() {
        contexts.withPropertyValues("stockroom.events.amqp-url=amqp://localhost")
                .run(context -> assertThat(context).hasBean("broker"));
    }

    @Test
    void theUrlNamesHostPortUserAndVirtualHostAndConnectionsRecoverByThemselves() {
        var factory = EventBrokerConfiguration.connectionFactory("amqp://app:p%40ss@broker.internal:5673/stock");

        assertThat(factory.getHost()).isEqualTo("broker.internal");
        assertThat(factory.getPort()).isEqualTo(5673);
        assertThat(factory.getUsername()).isEqualTo("app");
        assertThat(factory.getPassword()).isEqualTo("p@ss");
        assertThat(factory.getVirtualHost()).isEqualTo("stock");
        assertThat(factory.isSSL()).isFalse();
        assertThat(factory.isAutomaticRecoveryEnabled()).isTrue();
        assertThat(factory.getConnectionTimeout()).isEqualTo(10_000);
    }

    @Test
    void amqpsMeansTlsOnItsPort() {
        var factory = EventBrokerConfiguration.connectionFactory("amqps://app:secret@broker.internal");

        assertThat(factory.isSSL()).isTrue();
        assertThat(factory.getPort()).isEqualTo(5671);
    }

    @Test
    void aUrlItCannotUseFailsWithoutRepeatingThePassword() {
        for (String url : new String[] {
            "http://app:hunter2@broker.internal",
            "amqp://app:hunter 2@broker.internal",
            "amqp://app:hunter2%zz@broker.internal",
            "amqp://app:hunter2@broker.internal/one/two",
            "amqp:hunter2",
            "broker.internal:5672"
        }) {
            assertThatIllegalStateException()
                    .as(url)
                    .isThrownBy(() -> EventBrokerConfiguration.connectionFactory(url))
                    .withMessageStartingWith("stockroom.events.amqp-url (STOCKROOM_EVENTS_AMQP_URL) is not a usable")
                    .withMessageNotContaining("hunter");
        }
    }

    @Test
    void thePropertiesNeverShowTheUrl() {
        assertThat(new EventBrokerProperties("amqp://app:hunter2@broker.internal").toString())
                .doesNotContain("hunter2");
    }

    @Test
    void messagesArePersistentJsonWithTheRowIdAsMessageIdAndTheTimeOfTheEvent() {
        var entry = new EventOutbox.Entry(
                UUID.randomUUID(), "order.placed", "{}", 1, Instant.parse("2026-12-01T10:15:30Z"));

        var properties = EventRelay.properties(entry);

        assertThat(properties.getDeliveryMode()).isEqualTo(2);
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getMessageId()).isEqualTo(entry.id().toString());
        assertThat(properties.getTimestamp()).isEqualTo(Date.from(entry.createdAt()));
        assertThat(properties.getType()).isEqualTo("order.placed");
    }

    @Test
    void anErrorIsRecordedByItsInnermostMessageAndBounded() {
        var wrapped = new IOException(null, new java.net.ConnectException("Connection refused"));

        assertThat(EventRelay.describe(wrapped)).isEqualTo("ConnectException: Connection refused");
        assertThat(EventRelay.describe(new IllegalStateException("x".repeat(10_000))))
                .hasSize(500);
    }
}
