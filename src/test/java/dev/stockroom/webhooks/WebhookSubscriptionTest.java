package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID MINE = UUID.randomUUID();

    @Test
    void aBoundSubscriptionWantsOnlyItsCustomersEventsAndTheCatalogs() {
        var bound = subscription(Set.of("*"), MINE);

        assertThat(bound.wants(EventType.ORDER_PLACED, MINE)).isTrue();
        assertThat(bound.wants(EventType.ORDER_PLACED, UUID.randomUUID())).isFalse();
        assertThat(bound.wants(EventType.PRODUCT_CREATED, null)).isTrue();
        var staff = subscription(Set.of("order.placed"), null);
        assertThat(staff.wants(EventType.ORDER_PLACED, UUID.randomUUID())).isTrue();
        assertThat(staff.wants(EventType.ORDER_SHIPPED, UUID.randomUUID())).isFalse();
    }

    @Test
    void theOldSecretSignsBesideTheNewOneForADayAfterARotation() {
        var subscription = subscription(Set.of("*"), null);
        var rotated = subscription.rotateSecret("whsec_new", NOW);

        assertThat(rotated.secretsAt(NOW)).containsExactly("whsec_new", subscription.secret());
        assertThat(rotated.secretsAt(NOW.plus(Duration.ofHours(23)))).hasSize(2);
        assertThat(rotated.secretsAt(NOW.plus(Duration.ofHours(24)))).containsExactly("whsec_new");
        assertThat(rotated.version()).isEqualTo(subscription.version() + 1);
    }

    @Test
    void aChangeBumpsTheVersionAndNoChangeIsNone() {
        var subscription = subscription(Set.of("*"), null);

        assertThat(subscription.apply(new SubscriptionChanges(null, null, null, true), NOW))
                .isSameAs(subscription);
        var paused = subscription.apply(
                new SubscriptionChanges(null, List.of("order.placed"), Optional.empty(), false), NOW);
        assertThat(paused.version()).isEqualTo(2);
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.description()).isNull();
        assertThat(paused.wants(EventType.ORDER_PLACED, null)).isFalse();
    }

    private static WebhookSubscription subscription(Set<String> types, UUID customer) {
        return WebhookSubscription.create(
                URI.create("https://93.184.216.34/hooks"), types, "test", customer, "client", "whsec_old", NOW);
    }
}
