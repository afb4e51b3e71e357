package dev.stockroom.identity;

import dev.stockroom.customers.Customers;
import dev.stockroom.shared.InvalidValue;
import dev.stockroom.shared.paging.CursorCodec;
import dev.stockroom.shared.paging.Page;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients: registration (the secret is shown once and stored hashed), lookup and removal. Removing a
 * client revokes everything granted to it, so it gets no new access token from that moment.
 */
@Service
public class ApiClients {

    private static final Base64.Encoder SECRET_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private final ApiClientRepository clients;
    private final Authorizations authorizations;
    private final PasswordEncoder passwords;
    private final CursorCodec cursors;
    private final Clock clock;
    private final Customers customers;
    private final SecureRandom random = new SecureRandom();

    ApiClients(
            ApiClientRepository clients,
            Authorizations authorizations,
            PasswordEncoder passwords,
            CursorCodec cursors,
            Clock clock,
            Customers customers) {
        this.customers = customers;
        this.clients = clients;
        this.authorizations = authorizations;
        this.passwords = passwords;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiClient register(NewApiClient request) {
        if (request.customerId() != null && !customers.exists(request.customerId())) {
            throw InvalidValue.of("customer_id", "no customer exists with this id");
        }
        var id = UUID.randomUUID();
        var client = new ApiClient(
                id,
                id.toString(),
                request.name(),
                request.scopes(),
                request.redirectUris(),
                request.customerId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        String secret = newSecret();
        clients.insert(client, passwords.encode(secret));
        return new CreatedApiClient(client, secret);
    }

    @Transactional(readOnly = true)
    public ApiClient get(UUID id) {
        return clients.findById(id).orElseThrow(() -> IdentityRefusal.clientNotFound(id));
    }

    @Transactional(readOnly = true)
    public Page<ApiClient> list(int limit, @Nullable String cursor) {
        List<String> after = cursor == null ? null : cursors.decode(cursor, "clients");
        var rows = after == null
                ? clients.page(null, null, limit)
                : clients.page(Instant.parse(after.get(0)), UUID.fromString(after.get(1)), limit);
        return Page.fromRows(
                rows,
                limit,
                last -> cursors.encode(
                        "clients",
                        List.of(last.createdAt().toString(), last.id().toString())));
    }

    @Transactional
    public void delete(UUID id) {
        if (!clients.delete(id)) {
            throw IdentityRefusal.clientNotFound(id);
        }
        authorizations.revokeForClient(id.toString());
    }

    /**
     * Makes sure a client with this id and secret exists with the given scopes (bootstrap from the
     * environment): created if absent, its secret and scopes brought in line if present.
     */
    @Transactional
    public void ensure(String clientId, String secret, String name, Set<String> scopes) {
        String hash = passwords.encode(secret);
        if (!clients.updateCredentials(clientId, hash, String.join(" ", scopes))) {
            var client = new ApiClient(
                    UUID.randomUUID(),
                    clientId,
                    name,
                    scopes,
                    List.of(),
                    null,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            clients.insert(client, hash);
        }
    }

    @Transactional(readOnly = true)
    public boolean exists(String clientId) {
        return clients.exists(clientId);
    }

    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_ENCODING.encodeToString(bytes);
    }
}
