package dev.stockroom.identity;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API clients in PostgreSQL. Secrets are stored only as hashes. */
@Repository
class ApiClientRepository {

    private static final String COLUMNS =
            "id, client_id, name, scopes, redirect_uris, customer_id, rate_limit, created_at, version";

    private static final SortKey<ApiClient, Instant> BY_CREATION = SortKey.instant(
            "created_at", ApiClient::createdAt, client -> client.id().value());

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    ApiClientRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    void insert(ApiClient client, String secretHash) {
        jdbc.sql("""
                        insert into api_client (id, client_id, name, secret_hash, scopes, redirect_uris, customer_id, rate_limit,
                                                created_at, version)
                        values (:id, :clientId, :name, :hash, :scopes, :redirectUris, :customerId, :rateLimit,
                                :createdAt, :version)
                        """)
                .param("id", client.id().value())
                .param("clientId", client.clientId())
                .param("name", client.name())
                .param("hash", secretHash)
                .param("scopes", String.join(" ", client.scopes()))
                .param("redirectUris", client.redirectUris().isEmpty() ? null : String.join(" ", client.redirectUris()))
                .param(
                        "customerId",
                        client.customerId() == null ? null : client.customerId().value())
                .param(
                        "rateLimit",
                        client.rateLimit() == null ? null : client.rateLimit().text())
                .param("createdAt", client.createdAt().atOffset(ZoneOffset.UTC))
                .param("version", client.version())
                .update();
    }

    /** Writes what {@link ApiClient#apply} may change: the name, the rate limit and the version. */
    void update(ApiClient client) {
        jdbc.sql("update api_client set name = :name, rate_limit = :rateLimit, version = :version where id = :id")
                .param("id", client.id().value())
                .param("name", client.name())
                .param(
                        "rateLimit",
                        client.rateLimit() == null ? null : client.rateLimit().text())
                .param("version", client.version())
                .update();
    }

    /** Sets the secret and scopes of an existing client (bootstrap from the environment); false if absent. */
    boolean updateCredentials(String clientId, String secretHash, String scopes) {
        return jdbc.sql("update api_client set secret_hash = :hash, scopes = :scopes where client_id = :clientId")
                        .param("hash", secretHash)
                        .param("scopes", scopes)
                        .param("clientId", clientId)
                        .update()
                == 1;
    }

    Optional<ApiClient> findById(ApiClientId id) {
        return jdbc.sql("select " + COLUMNS + " from api_client where id = :id")
                .param("id", id.value())
                .query(ApiClientRepository::client)
                .optional();
    }

    Optional<ApiClient> findByIdForUpdate(ApiClientId id) {
        return jdbc.sql("select " + COLUMNS + " from api_client where id = :id for update")
                .param("id", id.value())
                .query(ApiClientRepository::client)
                .optional();
    }

    Optional<Registration> findRegistration(String clientId) {
        return jdbc.sql("select " + COLUMNS + ", secret_hash from api_client where client_id = :clientId")
                .param("clientId", clientId)
                .query((rs, row) -> new Registration(client(rs, row), rs.getString("secret_hash")))
                .optional();
    }

    Optional<Registration> findRegistrationById(ApiClientId id) {
        return jdbc.sql("select " + COLUMNS + ", secret_hash from api_client where id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Registration(client(rs, row), rs.getString("secret_hash")))
                .optional();
    }

    boolean delete(ApiClientId id) {
        return jdbc.sql("delete from api_client where id = :id")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    boolean exists(String clientId) {
        return jdbc.sql("select exists (select 1 from api_client where client_id = :clientId)")
                .param("clientId", clientId)
                .query(Boolean.class)
                .single();
    }

    /** One page in creation order. */
    Page<ApiClient> page(ClientSearch search) {
        return pages.read(
                search,
                "select " + COLUMNS + " from api_client",
                new Conditions(),
                BY_CREATION,
                ApiClientRepository::client);
    }

    /** A client with its secret hash, for the authorization server only. */
    record Registration(ApiClient client, String secretHash) {}

    /** A client's own rate limit, or null for the default. */
    Optional<RateLimitPolicy> findRateLimit(String clientId) {
        return jdbc.sql("select rate_limit from api_client where client_id = :clientId")
                .param("clientId", clientId)
                .query((rs, row) -> Optional.ofNullable(rateLimit(rs.getString("rate_limit"))))
                .optional()
                .flatMap(policy -> policy);
    }

    private static @Nullable RateLimitPolicy rateLimit(@Nullable String text) {
        return text == null ? null : RateLimitPolicy.parse(RateLimitPolicy.OWN, text);
    }

    private static @Nullable CustomerId customerId(@Nullable UUID value) {
        return value == null ? null : new CustomerId(value);
    }

    private static ApiClient client(ResultSet rs, int row) throws SQLException {
        String redirectUris = rs.getString("redirect_uris");
        return new ApiClient(
                new ApiClientId(rs.getObject("id", UUID.class)),
                rs.getString("client_id"),
                rs.getString("name"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(" "))),
                redirectUris == null ? List.of() : Arrays.asList(redirectUris.split(" ")),
                customerId(rs.getObject("customer_id", UUID.class)),
                rateLimit(rs.getString("rate_limit")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }
}
