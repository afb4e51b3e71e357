package dev.stockroom.identity.resourceserver;

import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.DPoPProofContext;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * The DPoP proofs (RFC 9449) the API has accepted, kept in PostgreSQL so that a proof is good for one request on
 * any instance, not once per instance. Spring Security's {@link DPoPProofReplayValidator} asks its cache for one
 * thing only: {@code putIfAbsent(sha256(jti), ..)}, refusing the proof unless the answer is {@code null}. Here that
 * is one {@code insert .. on conflict do nothing} on the primary key, so of any number of requests with one proof,
 * on any instances at the same time, exactly one inserts the row and passes. Only the digest of the {@code jti} is
 * stored, with the moment the proof stops being accepted anyway ({@code iat} + 30 seconds).
 *
 * <p>Every other cache operation is refused: a read-then-write would not be atomic, and clearing would re-open
 * every proof to replay. Should a later Spring Security use them, DPoP requests fail (closed) instead of being
 * checked less.
 */
@Component
public class DPoPProofReplays implements Cache {

    /** Kept past a proof's own expiry, for clocks of instances and database that differ by up to this much. */
    static final String CLOCK_DIFFERENCE = "1 minute";

    private static final int SHA_256_LENGTH = 32;

    private final JdbcClient jdbc;

    DPoPProofReplays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Verifies proofs as Spring Security does by default, remembering them here instead of in this JVM. */
    JwtDecoderFactory<DPoPProofContext> proofVerifiers() {
        var factory = new DPoPProofJwtDecoderFactory();
        factory.setJwtValidatorFactory(DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(
                List.of(new DPoPProofReplayValidator(this))));
        return factory;
    }

    /** Answers {@code null} when this call recorded the proof, or the record when the proof was seen before. */
    @Override
    public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
        if (!(value instanceof DPoPProofReplayValidator.CacheValue proof)) {
            throw new IllegalArgumentException("Not a DPoP proof record: " + value);
        }
        int inserted = jdbc.sql("""
                        insert into dpop_proof (jti_hash, expires_at) values (:jtiHash, :expiresAt)
                        on conflict (jti_hash) do nothing
                        """)
                .param("jtiHash", jtiHash(key))
                .param("expiresAt", Timestamp.from(proof.getExpiresAt()))
                .update();
        return inserted == 1 ? null : new SimpleValueWrapper(proof);
    }

    /**
     * Deletes proofs no instance accepts any more, every minute, so the table holds about the last two minutes of
     * DPoP requests. Idempotent, so every instance may run it.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public void deleteExpired() {
        jdbc.sql("delete from dpop_proof where expires_at < now() - cast(:difference as interval)")
                .param("difference", CLOCK_DIFFERENCE)
                .update();
    }

    /** The key is Spring Security's base64url SHA-256 of the {@code jti}; its 32 bytes are stored, never the jti. */
    private static byte[] jtiHash(Object key) {
        byte[] digest = key instanceof String encoded ? Base64.getUrlDecoder().decode(encoded) : new byte[0];
        if (digest.length != SHA_256_LENGTH) {
            throw new IllegalArgumentException("Not a SHA-256 digest of a jti");
        }
        return digest;
    }

    @Override
    public String getName() {
        return "dpop-proofs";
    }

    @Override
    public Object getNativeCache() {
        return jdbc;
    }

    @Override
    public @Nullable ValueWrapper get(Object key) {
        throw onlyPutIfAbsent();
    }

    @Override
    public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
        throw onlyPutIfAbsent();
    }

    @Override
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        throw onlyPutIfAbsent();
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        throw onlyPutIfAbsent();
    }

    @Override
    public void evict(Object key) {
        throw onlyPutIfAbsent();
    }

    @Override
    public void clear() {
        throw onlyPutIfAbsent();
    }

    private static UnsupportedOperationException onlyPutIfAbsent() {
        return new UnsupportedOperationException("The DPoP replay record is written once with putIfAbsent only");
    }
}
