package dev.stockroom.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and signatures as the Standard Webhooks specification defines them: a secret is {@code whsec_}
 * and the base64 of 32 random bytes; a signature is {@code v1,} and the base64 HMAC-SHA256, keyed with those
 * bytes, of {@code "<webhook-id>.<webhook-timestamp>.<body>"}. Several valid secrets give several signatures,
 * separated by spaces.
 */
final class Signatures {

    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header for a message: one signature per secret. */
    static String header(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyOf(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] keyOf(String secret) {
        return Base64.getDecoder()
                .decode(secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret);
    }
}
