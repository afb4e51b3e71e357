package dev.stockroom.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency keys for every {@code POST} under {@code /v1}. A request with an {@code Idempotency-Key} runs in
 * one database transaction together with the record of its response, so the effect and the record commit or
 * roll back together. The same key from the same client with the same body replays the stored response (with
 * {@code Idempotent-Replayed: true}) and does nothing again; with another body it answers 422; while the first
 * request still runs, 409 (a PostgreSQL advisory lock, so this holds across instances). Keys are per client:
 * another client's identical key is simply a new key. Only successful responses are stored: a refused request
 * changed nothing, and retrying it with the same key runs it again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Problems problems;
    private final HandlerExceptionResolver resolver;
    private final IdempotencyProperties properties;

    IdempotencyFilter(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Problems problems,
            HandlerExceptionResolver resolver,
            IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
        this.resolver = resolver;
        this.properties = properties;
    }

    /** The advisory lock that marks a (client, key) pair as in flight. */
    public static long lockKey(String client, String key) {
        byte[] digest = sha256((client + "\n" + key).getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            var problem = problems.validation(List.of(ValidationError.atParameter(
                    HEADER, "must be 1 to 255 printable ASCII characters", "invalid_idempotency_key")));
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
        String client = authentication.getName();
        byte[] fingerprint = sha256(fingerprintOf(request, body));
        var cached = new CachedBodyRequest(request, body);
        var captured = new ContentCachingResponseWrapper(response);

        Outcome outcome = transactions.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", lockKey(client, key))
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return Outcome.IN_FLIGHT;
            }
            var stored = jdbc.sql("""
                            select fingerprint, status, content_type, location, etag, body from idempotency_key
                            where client_id = :client and key = :key and created_at > now() - make_interval(secs => :retention)
                            """)
                    .param("client", client)
                    .param("key", key)
                    .param("retention", (double) properties.retention().toSeconds())
                    .query((rs, row) -> new Stored(
                            rs.getBytes("fingerprint"),
                            rs.getInt("status"),
                            rs.getString("content_type"),
                            rs.getString("location"),
                            rs.getString("etag"),
                            rs.getBytes("body")))
                    .optional();
            if (stored.isPresent()) {
                return Arrays.equals(stored.get().fingerprint(), fingerprint)
                        ? new Outcome.Replay(stored.get())
                        : Outcome.MISMATCH;
            }
            try {
                chain.doFilter(cached, captured);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            if (captured.getStatus() >= 400 || status.isRollbackOnly()) {
                status.setRollbackOnly();
                return Outcome.EXECUTED;
            }
            jdbc.sql("""
                            insert into idempotency_key
                                (client_id, key, fingerprint, status, content_type, location, etag, body, created_at)
                            values (:client, :key, :fingerprint, :status, :contentType, :location, :etag, :body, now())
                            on conflict (client_id, key) do update set fingerprint = excluded.fingerprint,
                                status = excluded.status, content_type = excluded.content_type,
                                location = excluded.location, etag = excluded.etag, body = excluded.body,
                                created_at = excluded.created_at
                            """)
                    .param("client", client)
                    .param("key", key)
                    .param("fingerprint", fingerprint)
                    .param("status", captured.getStatus())
                    .param("contentType", captured.getContentType())
                    .param("location", captured.getHeader(HttpHeaders.LOCATION))
                    .param("etag", captured.getHeader(HttpHeaders.ETAG))
                    .param("body", captured.getContentAsByteArray())
                    .update();
            return Outcome.EXECUTED;
        });

        switch (outcome) {
            case Outcome.Replay replay -> replay(replay.stored(), response);
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

    private static void replay(Stored stored, HttpServletResponse response) throws IOException {
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
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** Deletes stored responses past their retention; every instance may run it. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        jdbc.sql("delete from idempotency_key where created_at < now() - make_interval(secs => :retention)")
                .param("retention", (double) properties.retention().toSeconds())
                .update();
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(
            byte[] fingerprint,
            int status,
            @Nullable String contentType,
            @Nullable String location,
            @Nullable String etag,
            byte[] body) {}

    private sealed interface Outcome {
        Simple EXECUTED = new Simple("executed");
        Simple IN_FLIGHT = new Simple("in flight");
        Simple MISMATCH = new Simple("mismatch");

        record Simple(String name) implements Outcome {}

        record Replay(Stored stored) implements Outcome {}
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
