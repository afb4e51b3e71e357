package dev.stockroom.audit;

import dev.stockroom.shared.audit.AuditableEvent;
import dev.stockroom.shared.security.AuthenticationFailureReason;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the modules' typed events ({@link AuditableEvent}: {@code ProductCreated}, {@code OrderCancelled}, ...)
 * synchronously, on the publisher's thread and in its transaction: the record commits with the change or not at
 * all. The actor is the request's {@link Caller} ({@code system} outside a request); the request id and client
 * address come from the request.
 */
@Component
class AuditRecorder {

    private final AuditRepository events;
    private final Clock clock;

    AuditRecorder(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void record(AuditableEvent event) {
        var changes = new LinkedHashMap<String, Object>();
        event.changes().forEach((field, change) -> {
            var pair = new LinkedHashMap<String, @Nullable Object>();
            pair.put("before", change.before());
            pair.put("after", change.after());
            changes.put(field, pair);
        });
        write(event.action(), event.resourceType(), event.resourceId(), changes, null);
    }

    /**
     * A person's failed sign-in at the login form, recorded whether or not the account exists, with the reason
     * as one of {@link AuthenticationFailureReason}'s words. Other failures are not sign-ins: a client's failed
     * authentication at the token endpoint is recorded by the identity module ({@code client.authentication_failed}),
     * a refused token request with good credentials too ({@code token.refused}), and a bad access token is only
     * counted (auditing each would let anyone fill the log).
     */
    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent failure) {
        if (!(failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)
                || failure instanceof AuthenticationFailureProviderNotFoundEvent) {
            return;
        }
        String attempted = String.valueOf(attempt.getName());
        write(
                "sign_in.failed",
                "account",
                attempted.length() > 100 ? attempted.substring(0, 100) : attempted,
                Map.of(
                        "reason",
                        AuthenticationFailureReason.of(failure.getException()).label()),
                new Actor(attempted, "anonymous"));
    }

    private void write(
            String action, String resourceType, String resourceId, Map<String, Object> changes, @Nullable Actor actor) {
        var who = actor != null ? actor : currentActor();
        var request = currentRequest();
        events.insert(new AuditEvent(
                UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                who.name().length() > 300 ? who.name().substring(0, 300) : who.name(),
                who.type(),
                action,
                resourceType,
                resourceId,
                changes,
                request == null ? null : RequestIdFilter.of(request),
                request == null ? null : request.getRemoteAddr()));
    }

    /** The caller of the request ({@link Caller}); the person signing in at the login form; else nobody. */
    private static Actor currentActor() {
        var caller = Caller.ofCurrentRequest();
        if (caller.isPresent()) {
            return new Actor(caller.get().subject(), caller.get().kind() == Caller.Kind.CLIENT ? "client" : "user");
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return currentRequest() == null ? new Actor("system", "system") : new Actor("anonymous", "anonymous");
        }
        if (authentication instanceof OAuth2ClientAuthenticationToken client) {
            // A client that authenticated at an endpoint of the authorization server (token, revocation).
            return new Actor(client.getName(), "client");
        }
        return new Actor(authentication.getName(), "user");
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private record Actor(String name, String type) {}
}
