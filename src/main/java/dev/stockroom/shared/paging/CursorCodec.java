package dev.stockroom.shared.paging;

import dev.stockroom.shared.database.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the position after the last item of a page into an opaque cursor and back, for {@link KeysetPages}
 * (which makes the position typed with its {@link SortKey}). A cursor carries the sort key of that item and a fingerprint of the query it belongs to, signed with HMAC-SHA256 under a key all
 * instances share (through the database), so a cursor from one instance works on every other, and a cursor
 * that was altered, or is replayed against a different query, is refused instead of silently skipping rows.
 */
@Component
class CursorCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;

    CursorCodec(SharedSecrets secrets, PagingProperties properties) {
        byte[] secret = properties.cursorSecret().isBlank()
                ? secrets.obtain("cursor-signing-key", 32)
                : properties.cursorSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * @param query a fingerprint of the query (sort and filters) the cursor may be used with
     * @param position the sort key values of the last item of the page, as strings
     */
    String encode(String query, List<String> position) {
        byte[] payload = JSON.writeValueAsBytes(new Payload(query, position));
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Returns the position the cursor stands for, or throws {@link InvalidCursor}. */
    List<String> decode(String cursor, String query) {
        int dot = cursor.indexOf('.');
        if (dot < 1 || cursor.length() > 2048) {
            throw InvalidCursor.notIssued();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                throw InvalidCursor.notIssued();
            }
            var decoded = JSON.readValue(payload, Payload.class);
            if (!decoded.query().equals(query)) {
                throw InvalidCursor.ofAnotherQuery();
            }
            return decoded.position();
        } catch (IllegalArgumentException | JacksonException e) {
            throw InvalidCursor.notIssued();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private record Payload(String query, List<String> position) {}
}
