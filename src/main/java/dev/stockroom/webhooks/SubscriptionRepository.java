package dev.stockroom.webhooks;

import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import dev.stockroom.shared.security.SecretProtection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions in PostgreSQL; their secrets sealed by {@link SecretProtection} before they are written. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, url, event_types, description, enabled, disabled_reason, customer_id,"
            + " owner, secret, previous_secret, previous_secret_expires_at, version, created_at, updated_at";

    private static final SortKey<WebhookSubscription, Instant> BY_CREATION =
            SortKey.instant("created_at", WebhookSubscription::createdAt, WebhookSubscription::id);

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final SecretProtection protection;

    SubscriptionRepository(JdbcClient jdbc, KeysetPages pages, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.protection = new SecretProtection(properties.secretKey());
    }

    void insert(WebhookSubscription subscription) {
        jdbc.sql("insert into webhook_subscription (" + COLUMNS + ") values (:id, :url, :eventTypes, :description,"
                        + " :enabled, :disabledReason, :customerId, :owner, :secret, :previousSecret,"
                        + " :previousSecretExpiresAt, :version, :createdAt, :updatedAt)")
                .params(parameters(subscription))
                .update();
    }

    void update(WebhookSubscription subscription) {
        jdbc.sql("""
                        update webhook_subscription set url = :url, event_types = :eventTypes,
                            description = :description, enabled = :enabled, disabled_reason = :disabledReason,
                            secret = :secret, previous_secret = :previousSecret,
                            previous_secret_expires_at = :previousSecretExpiresAt, version = :version,
                            updated_at = :updatedAt,
                            failure_streak = case when :enabled then 0 else failure_streak end,
                            breaker_open_until = case when :enabled then null else breaker_open_until end
                        where id = :id
                        """).params(parameters(subscription)).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from webhook_subscription where id = :id")
                .param("id", id)
                .update();
    }

    Optional<WebhookSubscription> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id")
                .param("id", id)
                .query(this::subscription)
                .optional();
    }

    Optional<WebhookSubscription> findByIdForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id for update")
                .param("id", id)
                .query(this::subscription)
                .optional();
    }

    /** The enabled subscriptions that may hear of an event of this type; {@link WebhookSubscription#wants} decides. */
    List<WebhookSubscription> enabledFor(EventType type) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where enabled"
                        + " and (event_types @> array[:type]::text[] or event_types @> array['*']::text[])")
                .param("type", type.wireValue())
                .query(this::subscription)
                .list();
    }

    /** One page of subscriptions in creation order; a bound caller's ({@code only}) are its customer's only. */
    Page<WebhookSubscription> page(SubscriptionSearch search, @Nullable UUID only) {
        var where = new Conditions();
        where.addIfPresent("customer_id = :only", "only", only);
        return pages.read(
                search, "select " + COLUMNS + " from webhook_subscription", where, BY_CREATION, this::subscription);
    }

    /** A successful attempt closes the breaker. */
    void recordSuccess(UUID id) {
        jdbc.sql("update webhook_subscription set failure_streak = 0, breaker_open_until = null"
                        + " where id = :id and (failure_streak <> 0 or breaker_open_until is not null)")
                .param("id", id)
                .update();
    }

    /**
     * A failed attempt: one more in the streak; from the threshold on, the breaker opens for a while that doubles
     * with every failed probe, up to sixteen times the first.
     */
    void recordFailure(UUID id, Instant now, int threshold, java.time.Duration open) {
        jdbc.sql("""
                        update webhook_subscription set failure_streak = failure_streak + 1,
                            breaker_open_until = case when failure_streak + 1 >= :threshold
                                then cast(:now as timestamptz) + make_interval(secs => :openSeconds
                                    * power(2, least(failure_streak + 1 - :threshold, 4)))
                                else breaker_open_until end
                        where id = :id
                        """)
                .param("id", id)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("threshold", threshold)
                .param("openSeconds", (double) open.toMillis() / 1000)
                .update();
    }

    /** Holds a subscription's other deliveries back while one probes a receiver whose breaker was open. */
    void holdForProbe(UUID id, Instant until) {
        jdbc.sql("update webhook_subscription set breaker_open_until = :until where id = :id")
                .param("id", id)
                .param("until", until.atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean breakerTripped(UUID id, int threshold) {
        return jdbc.sql("select failure_streak >= :threshold from webhook_subscription where id = :id")
                .param("id", id)
                .param("threshold", threshold)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The receiver said the endpoint is gone (410): nothing more is sent until someone enables it again. */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("update webhook_subscription set enabled = false, disabled_reason = :reason, updated_at = :now,"
                                + " version = version + 1 where id = :id and enabled")
                        .param("id", id)
                        .param("reason", reason)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private Map<String, Object> parameters(WebhookSubscription subscription) {
        var params = new HashMap<String, Object>();
        params.put("id", subscription.id());
        params.put("url", subscription.url().toString());
        params.put("eventTypes", subscription.eventTypes().stream().sorted().toArray(String[]::new));
        params.put("description", subscription.description());
        params.put("enabled", subscription.enabled());
        params.put("disabledReason", subscription.disabledReason());
        params.put("customerId", subscription.customerId());
        params.put("owner", subscription.owner());
        params.put("secret", seal(subscription.secret()));
        String previous = subscription.previousSecret();
        params.put("previousSecret", previous == null ? null : seal(previous));
        Instant expires = subscription.previousSecretExpiresAt();
        params.put("previousSecretExpiresAt", expires == null ? null : expires.atOffset(ZoneOffset.UTC));
        params.put("version", subscription.version());
        params.put("createdAt", subscription.createdAt().atOffset(ZoneOffset.UTC));
        params.put("updatedAt", subscription.updatedAt().atOffset(ZoneOffset.UTC));
        return params;
    }

    private byte[] seal(String secret) {
        return protection.protect(secret.getBytes(StandardCharsets.UTF_8));
    }

    private String unseal(byte[] stored) {
        return new String(protection.reveal(stored), StandardCharsets.UTF_8);
    }

    private WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        byte[] previous = rs.getBytes("previous_secret");
        OffsetDateTime expires = rs.getObject("previous_secret_expires_at", OffsetDateTime.class);
        return WebhookSubscription.restore(
                rs.getObject("id", UUID.class),
                URI.create(rs.getString("url")),
                Set.of((String[]) types.getArray()),
                rs.getString("description"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("owner"),
                unseal(rs.getBytes("secret")),
                previous == null ? null : unseal(previous),
                expires == null ? null : expires.toInstant(),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
