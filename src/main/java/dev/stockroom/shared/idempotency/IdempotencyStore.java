package dev.stockroom.shared.idempotency;

import dev.stockroom.shared.database.SharedSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of stored responses, kept so that reading it reveals nothing: a row is found by an HMAC of its
 * owner and key (never the key itself), the request fingerprint is an HMAC (a body holding a password cannot be
 * guessed from it), and the response, which may carry a client secret, is sealed with AES-256-GCM under a key
 * derived from the server secret and the idempotency key, so only a caller presenting the key can open it.
 */
class IdempotencyStore {

    private static final String HMAC = "HmacSHA256";
    private static final int IV_LENGTH = 12;

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;
    /** Keyed with the server secret; each use takes a copy (cheaper than a new one: no provider look-up or keying). */
    private final Mac keyed;

    private final SecureRandom random = new SecureRandom();

    IdempotencyStore(JdbcClient jdbc, SharedSecrets secrets, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        byte[] value = properties.secret().isBlank()
                ? secrets.obtain("idempotency-key", 32)
                : properties.secret().getBytes(StandardCharsets.UTF_8);
        try {
            this.keyed = Mac.getInstance(HMAC);
            keyed.init(new SecretKeySpec(value, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The HMAC-SHA256 provider cannot copy a keyed instance", e);
        }
    }

    /**
     * Where the response to one key of one owner lives.
     *
     * @param owner who may use the key: the client and the subject it acts for, see {@link #owner}
     */
    Slot slot(String owner, String key) {
        String name = owner + "\n" + key;
        return new Slot(hmac("key\n" + name), new SecretKeySpec(hmac("response\n" + name), "AES"));
    }

    static String owner(String clientId, String subject) {
        return clientId + "\n" + subject;
    }

    /** The advisory lock that marks the slot as in flight; holds across instances. */
    long lockKey(Slot slot) {
        return ByteBuffer.wrap(slot.id()).getLong();
    }

    /** Takes the slot's transaction-scoped lock; false when another request holds it. */
    boolean tryLock(Slot slot) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", lockKey(slot))
                .query(Boolean.class)
                .single();
    }

    /** A keyed digest of the request (method, target, content type and body). */
    byte[] fingerprint(byte[] request) {
        var mac = mac();
        mac.update("fingerprint\n".getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(request);
    }

    Optional<Entry> find(Slot slot) {
        return jdbc.sql("""
                        select fingerprint, response from idempotency_key
                        where key_hash = :id and created_at > now() - make_interval(secs => :retention)
                        """)
                .param("id", slot.id())
                .param("retention", (double) properties.retention().toSeconds())
                .query((rs, row) -> new Entry(rs.getBytes("fingerprint"), open(slot, rs.getBytes("response"))))
                .optional();
    }

    void save(Slot slot, byte[] fingerprint, StoredResponse response) {
        jdbc.sql("""
                        insert into idempotency_key (key_hash, fingerprint, response, created_at)
                        values (:id, :fingerprint, :response, now())
                        on conflict (key_hash) do update set fingerprint = excluded.fingerprint,
                            response = excluded.response, created_at = excluded.created_at
                        """)
                .param("id", slot.id())
                .param("fingerprint", fingerprint)
                .param("response", seal(slot, response))
                .update();
    }

    /** Deletes stored responses past their retention. */
    int deleteExpired() {
        return jdbc.sql("delete from idempotency_key where created_at < now() - make_interval(secs => :retention)")
                .param("retention", (double) properties.retention().toSeconds())
                .update();
    }

    private byte[] seal(Slot slot, StoredResponse response) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, slot.responseKey(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(slot.id());
            byte[] sealed = cipher.doFinal(response.toBytes());
            return ByteBuffer.allocate(IV_LENGTH + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a stored response", e);
        }
    }

    private StoredResponse open(Slot slot, byte[] stored) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    slot.responseKey(),
                    new GCMParameterSpec(128, Arrays.copyOf(stored, IV_LENGTH)));
            cipher.updateAAD(slot.id());
            return StoredResponse.fromBytes(cipher.doFinal(Arrays.copyOfRange(stored, IV_LENGTH, stored.length)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored response cannot be decrypted", e);
        }
    }

    private byte[] hmac(String value) {
        return mac().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** @param id the row's primary key; also the AES-GCM associated data, so a sealed response fits one row */
    record Slot(byte[] id, SecretKeySpec responseKey) {}

    record Entry(byte[] fingerprint, StoredResponse response) {

        boolean matches(byte[] other) {
            return MessageDigest.isEqual(fingerprint, other);
        }
    }
}
