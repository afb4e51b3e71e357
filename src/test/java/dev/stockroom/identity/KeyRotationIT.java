package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rotating the signing key: new tokens use the new key, tokens of the old key stay valid until they expire. */
@ApiTest
class KeyRotationIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @AfterEach
    void forgetTokensOfRetiredKeys() {
        Api.forgetTokens();
    }

    @Test
    void rotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
        String before = freshToken();
        String oldKid = kidOf(before);

        var rotated = api.post("/v1/signing-keys", "").send();
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newKid = rotated.at("/kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.json().get("active").asBoolean()).isTrue();

        assertThat(jwksKids()).contains(oldKid, newKid);
        assertThat(api.withToken(before).get("/v1/products?limit=1").send().status())
                .isEqualTo(200);
        String after = freshToken();
        assertThat(kidOf(after)).isEqualTo(newKid);
        assertThat(api.withToken(after).get("/v1/products?limit=1").send().status())
                .isEqualTo(200);

        var keys = api.get("/v1/signing-keys").send();
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body()).contains(oldKid).contains(newKid).doesNotContain("private");
    }

    @Test
    void aKeyRetiredLongerThanTheTokenLifetimeLeavesTheJwks() throws Exception {
        String old = freshToken();
        String oldKid = kidOf(old);
        api.post("/v1/signing-keys", "").send();

        jdbc.sql("update signing_key set retired_at = now() - interval '1 day' where kid = :kid")
                .param("kid", oldKid)
                .update();
        Thread.sleep(1_100); // the signing-key refresh of the test profile

        assertThat(jwksKids()).doesNotContain(oldKid);
        assertThat(api.withToken(old).get("/v1/products?limit=1").send().status())
                .isEqualTo(401);
    }

    @Test
    void keysSurviveInTheDatabaseNotInMemory() {
        freshToken();
        Integer active = jdbc.sql("select count(*) from signing_key where retired_at is null")
                .query(Integer.class)
                .single();

        assertThat(active).isEqualTo(1);
        assertThat(jwksKids()).isNotEmpty();
    }

    private String freshToken() {
        return api.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "products:read");
    }

    private List<String> jwksKids() {
        var jwks = api.anonymous().get("/oauth2/jwks").send();
        assertThat(jwks.status()).isEqualTo(200);
        var kids = new ArrayList<String>();
        jwks.json().get("keys").forEach(key -> {
            assertThat(key.has("d")).as("a private part in the JWKS").isFalse();
            kids.add(key.get("kid").asString());
        });
        return kids;
    }

    private static String kidOf(String jwt) {
        return Api.JSON
                .readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]))
                .get("kid")
                .asString();
    }
}
