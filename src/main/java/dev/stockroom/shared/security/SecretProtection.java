package dev.stockroom.shared.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets at rest (AES-256-GCM, the key derived from {@code STOCKROOM_SIGNING_KEY_SECRET}): the signing
 * keys' private parts, so a copy of the database alone cannot sign tokens, and the webhook signing secrets, so it
 * cannot sign webhooks either. Without a secret, values are stored as they are; values stored before a secret
 * was set stay readable.
 */
public final class SecretProtection {

    private static final byte[] MAGIC = "SRK1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_LENGTH = 12;

    private final @Nullable SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretProtection(String secret) {
        this.key = secret.isBlank() ? null : new SecretKeySpec(sha256(secret), "AES");
    }

    /** Whether values are encrypted, that is whether a secret is set. */
    public boolean encrypts() {
        return key != null;
    }

    public byte[] protect(byte[] privateKey) {
        if (key == null) {
            return privateKey;
        }
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(MAGIC.length + IV_LENGTH + sealed.length)
                    .put(MAGIC)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    public byte[] reveal(byte[] stored) {
        if (!isProtected(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    "Secrets are encrypted; set STOCKROOM_SIGNING_KEY_SECRET to the secret they were stored with");
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(128, Arrays.copyOfRange(stored, MAGIC.length, MAGIC.length + IV_LENGTH)));
            cipher.updateAAD(MAGIC);
            return cipher.doFinal(Arrays.copyOfRange(stored, MAGIC.length + IV_LENGTH, stored.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret cannot be decrypted with STOCKROOM_SIGNING_KEY_SECRET", e);
        }
    }

    public static boolean isProtected(byte[] stored) {
        return stored.length > MAGIC.length + IV_LENGTH && Arrays.equals(Arrays.copyOf(stored, MAGIC.length), MAGIC);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
