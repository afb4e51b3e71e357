package dev.stockroom.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner's subscription: where to send which events, signed with which secrets, and whether sending is on.
 * The previous secret keeps signing for {@link #ROTATION_OVERLAP} after a rotation, so a receiver can switch
 * without losing a message. A subscription of a client bound to a customer hears only about that customer (and
 * the catalog).
 */
public final class WebhookSubscription {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final UUID id;
    private final URI url;
    private final Set<String> eventTypes;
    private final @Nullable String description;
    private final boolean enabled;
    private final @Nullable String disabledReason;
    private final @Nullable UUID customerId;
    private final String owner;
    private final String secret;
    private final @Nullable String previousSecret;
    private final @Nullable Instant previousSecretExpiresAt;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private WebhookSubscription(
            UUID id,
            URI url,
            Set<String> eventTypes,
            @Nullable String description,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable UUID customerId,
            String owner,
            String secret,
            @Nullable String previousSecret,
            @Nullable Instant previousSecretExpiresAt,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.url = url;
        this.eventTypes = Set.copyOf(eventTypes);
        this.description = description;
        this.enabled = enabled;
        this.disabledReason = disabledReason;
        this.customerId = customerId;
        this.owner = owner;
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.previousSecretExpiresAt = previousSecretExpiresAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static WebhookSubscription create(
            URI url,
            Set<String> eventTypes,
            @Nullable String description,
            @Nullable UUID customerId,
            String owner,
            String secret,
            Instant now) {
        return new WebhookSubscription(
                UUID.randomUUID(),
                url,
                eventTypes,
                description,
                true,
                null,
                customerId,
                owner,
                secret,
                null,
                null,
                1,
                now,
                now);
    }

    static WebhookSubscription restore(
            UUID id,
            URI url,
            Set<String> eventTypes,
            @Nullable String description,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable UUID customerId,
            String owner,
            String secret,
            @Nullable String previousSecret,
            @Nullable Instant previousSecretExpiresAt,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        return new WebhookSubscription(
                id,
                url,
                eventTypes,
                description,
                enabled,
                disabledReason,
                customerId,
                owner,
                secret,
                previousSecret,
                previousSecretExpiresAt,
                version,
                createdAt,
                updatedAt);
    }

    /** The subscription with the changes applied; itself when nothing changes. Enabling clears the reason. */
    WebhookSubscription apply(SubscriptionChanges changes, Instant now) {
        URI newUrl = changes.url() == null ? url : URI.create(changes.url());
        Set<String> newTypes = changes.eventTypes() == null ? eventTypes : Set.copyOf(changes.eventTypes());
        @Nullable String newDescription = changes.description() == null
                ? description
                : changes.description().orElse(null);
        boolean newEnabled = changes.enabled() == null ? enabled : changes.enabled();
        if (newUrl.equals(url)
                && newTypes.equals(eventTypes)
                && java.util.Objects.equals(newDescription, description)
                && newEnabled == enabled) {
            return this;
        }
        return new WebhookSubscription(
                id,
                newUrl,
                newTypes,
                newDescription,
                newEnabled,
                newEnabled ? null : (enabled ? "disabled by a client" : disabledReason),
                customerId,
                owner,
                secret,
                previousSecret,
                previousSecretExpiresAt,
                version + 1,
                createdAt,
                now);
    }

    /** A new secret signs from now on; the current one keeps signing beside it for {@link #ROTATION_OVERLAP}. */
    WebhookSubscription rotateSecret(String newSecret, Instant now) {
        return new WebhookSubscription(
                id,
                url,
                eventTypes,
                description,
                enabled,
                disabledReason,
                customerId,
                owner,
                newSecret,
                secret,
                now.plus(ROTATION_OVERLAP),
                version + 1,
                createdAt,
                now);
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous while it lasts. */
    List<String> secretsAt(Instant now) {
        var secrets = new ArrayList<String>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Whether an event of this type, about this customer (null: about no customer), goes to this subscription. */
    boolean wants(EventType type, @Nullable UUID about) {
        boolean typeWanted = eventTypes.contains(EventType.ALL) || eventTypes.contains(type.wireValue());
        boolean visible = customerId == null || about == null || customerId.equals(about);
        return enabled && typeWanted && visible;
    }

    public UUID id() {
        return id;
    }

    public URI url() {
        return url;
    }

    public Set<String> eventTypes() {
        return eventTypes;
    }

    public @Nullable String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    public @Nullable String disabledReason() {
        return disabledReason;
    }

    public @Nullable UUID customerId() {
        return customerId;
    }

    public String owner() {
        return owner;
    }

    String secret() {
        return secret;
    }

    @Nullable String previousSecret() {
        return previousSecret;
    }

    public @Nullable Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
