package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.audit.AuditableEvent.Change;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Identity's events tell the audit log what changed, and never a password, a hash or a secret. */
class IdentityEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPasswordChangeIsRecordedAsChangedWithoutTheValue() {
        var before = UserAccount.create("ada@example.com", Role.SUPPORT, NOW);
        var after = before.apply(new UserChanges(null, "a brand new passphrase", Role.VIEWER, null), NOW);

        var event = new UserUpdated(before, after, true);

        assertThat(event.action()).isEqualTo("user.updated");
        assertThat(event.resourceId()).isEqualTo(before.id().toString());
        assertThat(event.changes())
                .containsEntry("role", new Change("support", "viewer"))
                .containsEntry("password", new Change(null, "changed"));
        assertThat(event.changes().toString()).doesNotContain("brand new passphrase");
    }

    @Test
    void anUpdateWithoutANewPasswordSaysNothingAboutIt() {
        var before = UserAccount.create("ada@example.com", Role.SUPPORT, NOW);
        var after = before.apply(new UserChanges(null, null, null, false), NOW);

        assertThat(new UserUpdated(before, after, false).changes()).containsOnlyKeys("enabled");
    }

    @Test
    void aRegisteredClientIsRecordedWithItsScopesSortedAndItsBinding() {
        var customer = CustomerId.newId();
        var client = new ApiClient(
                ApiClientId.newId(),
                "partner",
                "Partner",
                Set.of("orders:read", "customers:read"),
                List.of(),
                customer,
                null,
                NOW,
                1);

        var event = new ClientCreated(client);

        assertThat(event.action()).isEqualTo("client.created");
        assertThat(event.changes())
                .containsEntry("scopes", new Change(null, List.of("customers:read", "orders:read")))
                .containsEntry("customer_id", new Change(null, customer.toString()));
    }

    @Test
    void aChangedClientHasTheNextVersionAndTheUpdateRecordsOnlyWhatChanged() {
        var before = new ApiClient(
                ApiClientId.newId(),
                "partner",
                "Partner",
                Set.of("orders:read"),
                List.of(),
                null,
                RateLimitPolicy.parse(RateLimitPolicy.OWN, "3/1m"),
                NOW,
                4);

        var renamed = before.apply(new ClientChanges("Partner B", false, null));
        var unlimited = before.apply(new ClientChanges(null, true, null));
        var same = before.apply(new ClientChanges("Partner", true, RateLimitPolicy.parse(RateLimitPolicy.OWN, "3/1m")));

        assertThat(renamed.version()).isEqualTo(5);
        assertThat(renamed.rateLimit()).isEqualTo(before.rateLimit());
        assertThat(unlimited.rateLimit()).isNull();
        assertThat(unlimited.name()).isEqualTo("Partner");
        assertThat(same).isSameAs(before);
        var event = new ClientUpdated(before, unlimited);
        assertThat(event.action()).isEqualTo("client.updated");
        assertThat(event.resourceId()).isEqualTo(before.id().toString());
        assertThat(event.changes()).containsOnly(Map.entry("rate_limit", new Change("3/1m", null)));
    }

    @Test
    void aRotationNamesTheNewKey() {
        var event = new SigningKeyRotated("kid-1");

        assertThat(event.resourceType()).isEqualTo("signing_key");
        assertThat(event.resourceId()).isEqualTo("kid-1");
        assertThat(event.changes()).containsEntry("active", new Change(false, true));
    }
}
