package dev.stockroom.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.shared.security.SecretProtection;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens (RS256), kept in PostgreSQL so a restart or another instance uses the
 * same keys and no token is invalidated. Exactly one key signs; {@link #rotate()} makes a new one the signer
 * and retires the old one, which stays published in the JWKS until the last token it signed has expired.
 * Instances read the keys again after {@code stockroom.identity.oauth.signing-key-refresh}, and at once when a token
 * names a key they do not know yet.
 */
@Service
public class SigningKeys {

    private static final long LOCK = 0x5370_4B65_7973L; // advisory lock id for creating keys

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration publishRetiredFor;
    private final Duration refresh;
    private final ApplicationEventPublisher events;
    private final SecretProtection protection;
    private volatile Snapshot snapshot = new Snapshot(new JWKSet(), new JWKSet(), Instant.EPOCH);

    SigningKeys(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            OAuthProperties properties,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.publishRetiredFor = properties.accessTokenTtl().plus(Duration.ofMinutes(1));
        this.refresh = properties.signingKeyRefresh();
        this.protection = new SecretProtection(properties.signingKeySecret());
        if (properties.signingKeySecret().isBlank() && !properties.external()) {
            LoggerFactory.getLogger(SigningKeys.class)
                    .info("Signing keys are stored unencrypted; set STOCKROOM_SIGNING_KEY_SECRET to encrypt them");
        }
    }

    /** The one key that signs, with its private part. Creates the first key if there is none yet. */
    public JWKSet signing() {
        return fresh().signing();
    }

    /** The public keys a token may be verified with: the signer and the recently retired ones. */
    public JWKSet verification() {
        return fresh().verification();
    }

    /**
     * Reloads at once when {@code kid} is unknown, so a key rotated on another instance a moment ago is found.
     * Requests that find the same copy stale share one reload (see {@link #reloadUnlessNewer}).
     */
    public JWKSet verification(String kid) {
        var current = fresh();
        if (current.verification().getKeyByKeyId(kid) == null) {
            current = reloadUnlessNewer(current);
        }
        return current.verification();
    }

    /** A new key signs from now on; the previous one is retired. */
    public SigningKey rotate() {
        var key = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .singleRow();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("update signing_key set retired_at = :now where retired_at is null")
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
            var created = insertKey(now);
            events.publishEvent(new SigningKeyRotated(created.kid()));
            return created;
        });
        load();
        return key;
    }

    public List<SigningKey> list() {
        return jdbc.sql("select kid, created_at, retired_at from signing_key order by created_at desc")
                .query((rs, row) -> new SigningKey(
                        rs.getString("kid"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("retired_at", java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("retired_at", java.time.OffsetDateTime.class)
                                        .toInstant()))
                .list();
    }

    private Snapshot fresh() {
        var current = snapshot;
        if (current.signing().isEmpty() || current.loadedAt().plus(refresh).isBefore(clock.instant())) {
            current = reloadUnlessNewer(current);
        }
        return current;
    }

    /**
     * Reads the keys again unless another request did while this one waited for the lock: requests that found
     * the same copy stale queue behind one read and then share its result, instead of repeating it.
     */
    private synchronized Snapshot reloadUnlessNewer(Snapshot stale) {
        var current = snapshot;
        return current != stale ? current : load();
    }

    private synchronized Snapshot load() {
        var rows = readKeys();
        if (rows.stream().noneMatch(row -> row.retiredAt() == null)) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:lock)")
                        .param("lock", LOCK)
                        .query()
                        .singleRow();
                boolean none = jdbc.sql("select not exists (select 1 from signing_key where retired_at is null)")
                        .query(Boolean.class)
                        .single();
                if (none) {
                    insertKey(clock.instant().truncatedTo(ChronoUnit.MICROS));
                }
            });
            rows = readKeys();
        }
        Instant now = clock.instant();
        var signing = new ArrayList<JWK>();
        var verification = new ArrayList<JWK>();
        for (var row : rows) {
            if (row.retiredAt() == null) {
                signing.add(row.key());
                verification.add(row.key().toPublicJWK());
            } else if (row.retiredAt().plus(publishRetiredFor).isAfter(now)) {
                verification.add(row.key().toPublicJWK());
            }
        }
        var loaded = new Snapshot(new JWKSet(signing.subList(0, 1)), new JWKSet(verification), now);
        snapshot = loaded;
        return loaded;
    }

    private SigningKey insertKey(Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            jdbc.sql("""
                            insert into signing_key (kid, private_key, public_key, created_at)
                            values (:kid, :privateKey, :publicKey, :now)
                            """)
                    .param("kid", kid)
                    .param("privateKey", protection.protect(pair.getPrivate().getEncoded()))
                    .param("publicKey", pair.getPublic().getEncoded())
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
            return new SigningKey(kid, now, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private List<Row> readKeys() {
        return jdbc.sql("select kid, private_key, public_key, retired_at from signing_key order by created_at desc")
                .query((rs, n) -> {
                    var retired = rs.getObject("retired_at", java.time.OffsetDateTime.class);
                    return new Row(
                            toJwk(
                                    rs.getString("kid"),
                                    protection.reveal(rs.getBytes("private_key")),
                                    rs.getBytes("public_key")),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private static RSAKey toJwk(String kid, byte[] privateKey, byte[] publicKey) {
        try {
            var factory = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + kid + " cannot be read", e);
        }
    }

    private record Row(
            RSAKey key, @org.jspecify.annotations.Nullable Instant retiredAt) {}

    private record Snapshot(JWKSet signing, JWKSet verification, Instant loadedAt) {}
}
