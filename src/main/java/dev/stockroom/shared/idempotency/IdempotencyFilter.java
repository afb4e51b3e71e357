package dev.stockroom.shared.idempotency;

import dev.stockroom.shared.idempotency.IdempotencyStore.Entry;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.DeclaredScopes;
import dev.stockroom.shared.web.PayloadTooLarge;
import dev.stockroom.shared.web.Problems;
import dev.stockroom.shared.web.ValidationError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys for every {@code POST} under {@code /v1}, and for GraphQL requests ({@code POST /graphql}). A
 * request with an {@code Idempotency-Key} runs in
 * one database transaction together with the record of its response, so the effect and the record commit or
 * roll back together. The same key from the same caller with the same body replays the stored response (with
 * {@code Idempotent-Replayed: true}) and does nothing again; with another body it answers 422; while the first
 * request still runs, 409 (a PostgreSQL advisory lock, so this holds across instances).
 *
 * <p>The store is consulted only for a caller who may make the request: the operation's declared scope is
 * checked first (a caller without it gets the same 403 as without a key, never a stored response). Keys belong
 * to the pair (client, subject): another application acting for the same person, or another client, has keys
 * of its own, and its identical key is simply a new key. Only successful responses are stored: a refused
 * request changed nothing, and retrying it with the same key runs it again. How responses are kept is
 * {@link IdempotencyStore}'s business. Every replay is counted ({@code stockroom.idempotency.replays}).
 *
 * <p>A GraphQL request is answered 200 also when its mutation was refused: it succeeded when every field of
 * its {@code data} is there (not null). GraphQL checks each field's scope itself, and runs a request's fields
 * on the request's own thread, inside this transaction; with a key, a request holds one mutation at most
 * ({@code shared.graphql.QueryLimits}), so a refused one never leaves another's effect behind.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    /** The OAuth 2.0 client a JWT access token was issued to (RFC 9068). */
    static final String CLIENT_ID_CLAIM = "client_id";
    /** The party a token was issued to, in tokens of external OpenID providers. */
    static final String AUTHORIZED_PARTY_CLAIM = "azp";
    /** Where GraphQL is served. */
    static final String GRAPHQL_PATH = "/graphql";

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final Problems problems;
    private final HandlerExceptionResolver resolver;
    private final HandlerMapping handlers;
    private final AccessDeniedHandler accessDenied;
    private final Counter replays;
    private final JsonMapper json;

    IdempotencyFilter(
            IdempotencyStore store,
            TransactionTemplate transactions,
            Problems problems,
            HandlerExceptionResolver resolver,
            HandlerMapping handlers,
            AccessDeniedHandler accessDenied,
            MeterRegistry registry,
            JsonMapper json) {
        this.json = json;
        this.store = store;
        this.transactions = transactions;
        this.problems = problems;
        this.resolver = resolver;
        this.handlers = handlers;
        this.accessDenied = accessDenied;
        this.replays = Counter.builder("stockroom.idempotency.replays")
                .description(
                        "Requests answered with the stored response of an earlier one with the same Idempotency-Key")
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(IdempotencyHeaders.KEY) == null
                || !(request.getRequestURI().startsWith("/v1/") || isGraphQl(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyHeaders.KEY);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        boolean graphQl = isGraphQl(request);
        if (!graphQl) {
            Object handler = handlerOf(request);
            if (handler == null) {
                chain.doFilter(request, response);
                return;
            }
            if (!DeclaredScopes.permit(handler, authentication)) {
                accessDenied.handle(request, response, new AccessDeniedException("Missing the declared scope"));
                return;
            }
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            var problem = problems.validation(List.of(ValidationError.atParameter(
                    IdempotencyHeaders.KEY, "must be 1 to 255 printable ASCII characters", "invalid_idempotency_key")));
            problems.write(problem, request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLarge tooLarge) {
            resolver.resolveException(request, response, null, tooLarge);
            return;
        }
        var slot = store.slot(ownerOf(authentication), key);
        byte[] fingerprint = store.fingerprint(fingerprintOf(request, body));
        var cached = new CachedBodyRequest(request, body);
        var captured = new ContentCachingResponseWrapper(response);

        Outcome outcome = transactions.execute(status -> {
            if (!store.tryLock(slot)) {
                return Outcome.IN_FLIGHT;
            }
            var stored = store.find(slot);
            if (stored.isPresent()) {
                Entry entry = stored.get();
                return entry.matches(fingerprint) ? new Outcome.Replay(entry.response()) : Outcome.MISMATCH;
            }
            try {
                chain.doFilter(cached, captured);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            if (captured.getStatus() >= 400
                    || status.isRollbackOnly()
                    || (graphQl && !everyFieldAnswered(captured.getContentAsByteArray()))) {
                status.setRollbackOnly();
                return Outcome.EXECUTED;
            }
            store.save(
                    slot,
                    fingerprint,
                    new StoredResponse(
                            captured.getStatus(),
                            captured.getContentType(),
                            captured.getHeader(HttpHeaders.LOCATION),
                            captured.getHeader(HttpHeaders.ETAG),
                            captured.getContentAsByteArray()));
            return Outcome.EXECUTED;
        });

        switch (outcome) {
            case Outcome.Replay replay -> {
                replays.increment();
                replay(replay.stored(), response);
            }
            case Outcome.Simple simple
            when simple == Outcome.IN_FLIGHT ->
                problems.write(
                        problems.create(
                                HttpStatus.CONFLICT,
                                "idempotency-key-in-use",
                                "Request in progress",
                                "A request with this Idempotency-Key is still being processed; retry later."),
                        request,
                        response);
            case Outcome.Simple simple
            when simple == Outcome.MISMATCH ->
                problems.write(
                        problems.create(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "idempotency-key-reused",
                                "Idempotency-Key reused",
                                "This Idempotency-Key was used for a different request; use a new key."),
                        request,
                        response);
            default -> captured.copyBodyToResponse();
        }
    }

    private static boolean isGraphQl(HttpServletRequest request) {
        return GRAPHQL_PATH.equals(request.getRequestURI());
    }

    /** Whether a GraphQL answer has every field of its {@code data}, none of them null (refused). */
    private boolean everyFieldAnswered(byte[] body) {
        try {
            var data = json.readTree(body).get("data");
            if (data == null || !data.isObject() || data.isEmpty()) {
                return false;
            }
            for (var field : data.values()) {
                if (field.isNull()) {
                    return false;
                }
            }
            return true;
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /**
     * The operation that will serve the request, found as Spring MVC will find it, so its declared scope can be
     * checked (as {@code ScopeCheck} checks it) before the store is consulted. Null when no operation serves it:
     * then Spring MVC answers (404, 405, 415), and the key plays no part.
     */
    private @Nullable Object handlerOf(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain handler = handlers.getHandler(request);
            return handler == null ? null : handler.getHandler();
        } catch (Exception noMatch) {
            return null;
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /**
     * The client and the subject of the token: keys of one person used through two applications are distinct.
     * The client is the token's {@code client_id} (RFC 9068), else {@code azp} (external providers), else for a
     * client credentials token the subject itself.
     */
    static String ownerOf(Authentication authentication) {
        String subject = authentication.getName();
        String client = subject;
        if (authentication instanceof JwtAuthenticationToken token) {
            var jwt = token.getToken();
            String claimed = jwt.hasClaim(CLIENT_ID_CLAIM)
                    ? jwt.getClaimAsString(CLIENT_ID_CLAIM)
                    : jwt.getClaimAsString(AUTHORIZED_PARTY_CLAIM);
            if (claimed != null) {
                client = claimed;
            } else if (!"client".equals(jwt.getClaimAsString(Caller.KIND_CLAIM))) {
                client = "";
            }
        }
        return IdempotencyStore.owner(client, subject);
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.setHeader(IdempotencyHeaders.REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static byte[] fingerprintOf(HttpServletRequest request, byte[] body) {
        String target = request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + request.getContentType() + "\n";
        byte[] head = target.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private sealed interface Outcome {
        Simple EXECUTED = new Simple("executed");
        Simple IN_FLIGHT = new Simple("in flight");
        Simple MISMATCH = new Simple("mismatch");

        record Simple(String name) implements Outcome {}

        record Replay(StoredResponse stored) implements Outcome {}
    }
}
