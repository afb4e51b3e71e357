package dev.stockroom.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone who reads the idempotency table (a backup, a replica, a support query) learns neither the responses
 * (a new client's secret), nor the requests (a new user's password and email), nor the keys themselves; the
 * caller who holds the key still gets its response replayed.
 */
@ApiTest
class IdempotencyKeysAtRestIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Test
    void aStoredClientRegistrationKeepsItsSecretAndKeyOutOfTheTableAndStillReplays() {
        String key = "register-" + UUID.randomUUID();
        String body = "{\"name\":\"Keyed registration\",\"scopes\":[\"products:read\"]}";

        var created =
                api.post("/v1/clients", body).header("Idempotency-Key", key).send();
        String secret = created.at("/client_secret");

        assertThat(created.status()).isEqualTo(201);
        assertThat(storedRows())
                .noneSatisfy(row -> assertThat(row).contains(secret))
                .noneSatisfy(row -> assertThat(row).contains(key))
                .noneSatisfy(row -> assertThat(row).contains(created.at("/client_id")));
        var replayed =
                api.post("/v1/clients", body).header("Idempotency-Key", key).send();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.at("/client_secret")).isEqualTo(secret);
    }

    @Test
    void aStoredUserCreationKeepsPasswordAndEmailOutOfTheTableAndItsFingerprintIsKeyed() throws Exception {
        String key = "user-" + UUID.randomUUID();
        String email = "keyed-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"role\":\"viewer\"}";

        var created = api.post("/v1/users", body).header("Idempotency-Key", key).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(storedRows())
                .noneSatisfy(row -> assertThat(row).contains(password))
                .noneSatisfy(row -> assertThat(row).contains(email))
                .noneSatisfy(row -> assertThat(row).contains(key));
        byte[] plainDigest = MessageDigest.getInstance("SHA-256")
                .digest(("POST /v1/users?\napplication/json\n" + body).getBytes(StandardCharsets.UTF_8));
        byte[] bodyDigest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        List<String> fingerprints = jdbc.sql("select fingerprint from idempotency_key")
                .query((rs, row) -> HexFormat.of().formatHex(rs.getBytes("fingerprint")))
                .list();
        assertThat(fingerprints)
                .doesNotContain(
                        HexFormat.of().formatHex(plainDigest), HexFormat.of().formatHex(bodyDigest));
        var replayed =
                api.post("/v1/users", body).header("Idempotency-Key", key).send();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(created.body());
    }

    /** Every row as one string: each column as text, and binary columns both as bytes and in hex. */
    private List<String> storedRows() {
        return jdbc.sql("select * from idempotency_key")
                .query((rs, row) -> {
                    var columns = new ArrayList<String>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof byte[] bytes) {
                            columns.add(new String(bytes, StandardCharsets.ISO_8859_1));
                            columns.add(new String(bytes, StandardCharsets.UTF_8));
                            columns.add(HexFormat.of().formatHex(bytes));
                        } else {
                            columns.add(String.valueOf(value));
                        }
                    }
                    return String.join("\u0000", columns);
                })
                .list();
    }
}
