package dev.stockroom.identity;

import dev.stockroom.customers.Customers;
import dev.stockroom.shared.InvalidValue;
import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients: registration (the secret is shown once and stored hashed), lookup, change and removal. Removing a
 * client revokes everything granted to it, so it gets no new access token from that moment. Nobody registers or
 * removes a client with more power than their own ({@link Delegation}).
 */
@Service
public class ApiClients {

    private static final Base64.Encoder SECRET_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private final ApiClientRepository clients;
    private final Authorizations authorizations;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiClients(
            ApiClientRepository clients,
            Authorizations authorizations,
            PasswordEncoder passwords,
            Clock clock,
            Customers customers,
            ApplicationEventPublisher events) {
        this.customers = customers;
        this.events = events;
        this.clients = clients;
        this.authorizations = authorizations;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Registers a client with no more power than the caller's own ({@link Delegation}). A client bound to a
     * customer cannot sign people in: with no consent screen, a partner app would act for every person who signs
     * in through it, so redirect URIs are refused for it (422 on {@code /redirect_uris}).
     */
    @Transactional
    public CreatedApiClient register(NewApiClient request, Caller caller) {
        Delegation.keepsBinding(caller, request.customerId());
        Delegation.grants(caller, request.scopes(), "scopes");
        if (request.customerId() != null && !customers.exists(request.customerId())) {
            throw InvalidValue.of("customer_id", "no customer exists with this id");
        }
        if (request.customerId() != null && !request.redirectUris().isEmpty()) {
            throw InvalidValue.of(
                    "redirect_uris",
                    "a client bound to a customer cannot sign people in; leave out redirect_uris or customer_id");
        }
        var id = ApiClientId.newId();
        var client = new ApiClient(
                id,
                id.toString(),
                request.name(),
                request.scopes(),
                request.redirectUris(),
                request.customerId(),
                request.rateLimit(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                1);
        String secret = newSecret();
        clients.insert(client, passwords.encode(secret));
        events.publishEvent(new ClientCreated(client));
        return new CreatedApiClient(client, secret);
    }

    @Transactional(readOnly = true)
    public ApiClient get(ApiClientId id) {
        return clients.findById(id).orElseThrow(() -> ClientNotFound.withId(id));
    }

    @Transactional(readOnly = true)
    public Page<ApiClient> list(ClientSearch search) {
        return clients.page(search);
    }

    /**
     * Changes a client the caller outranks (as for {@link #delete}): its name, or its own rate limit, which every
     * instance applies within {@value ApiClientRateLimits#SECONDS} seconds (this one at once).
     */
    @Transactional
    public ApiClient change(ApiClientId id, ClientChanges changes, Precondition precondition, Caller caller) {
        var current = clients.findByIdForUpdate(id).orElseThrow(() -> ClientNotFound.withId(id));
        Delegation.keepsBinding(caller, current.customerId());
        Delegation.outranks(caller, current.scopes(), "client");
        precondition.verify("client", current.version());
        var changed = current.apply(changes);
        if (changed != current) {
            clients.update(changed);
            events.publishEvent(new ClientUpdated(current, changed));
        }
        return changed;
    }

    /** Removes a client the caller outranks; a bound caller removes only clients bound to its own customer. */
    @Transactional
    public void delete(ApiClientId id, Precondition precondition, Caller caller) {
        var client = clients.findByIdForUpdate(id).orElseThrow(() -> ClientNotFound.withId(id));
        Delegation.keepsBinding(caller, client.customerId());
        Delegation.outranks(caller, client.scopes(), "client");
        precondition.verify("client", client.version());
        clients.delete(id);
        authorizations.revokeForClient(id);
        events.publishEvent(new ClientDeleted(client));
    }

    /**
     * Makes sure a client with this id and secret exists with the given scopes (bootstrap from the
     * environment): created if absent, its secret and scopes brought in line if present.
     */
    @Transactional
    public void ensure(String clientId, String secret, String name, Set<String> scopes) {
        String hash = passwords.encode(secret);
        if (clients.updateCredentials(clientId, hash, String.join(" ", scopes))) {
            events.publishEvent(new ClientCredentialsSet(clientId));
        } else {
            var client = new ApiClient(
                    ApiClientId.newId(),
                    clientId,
                    name,
                    scopes,
                    List.of(),
                    null,
                    null,
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    1);
            clients.insert(client, hash);
            events.publishEvent(new ClientCreated(client));
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
