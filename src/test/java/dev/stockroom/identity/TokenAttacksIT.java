package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.stockroom.shared.security.SecretProtection;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forged and damaged tokens, each answered 401 {@code invalid_token} with a problem body. The forgeries are
 * signed with the service's real key where the attack is about something else (expiry, issuer, audience), and
 * a correctly forged token is accepted, so each refusal is for the reason the test names.
 */
@ApiTest
class TokenAttacksIT {

    private static final String ISSUER = "http://stockroom.test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    String kid;
    PrivateKey key;
    byte[] publicKey;

    @BeforeEach
    void setUp() throws Exception {
        api.get("/v1/me").send(); // makes sure a signing key exists
        var row = jdbc.sql("""
                        select kid, private_key, public_key from signing_key
                        where retired_at is null order by created_at desc limit 1
                        """)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)})
                .single();
        kid = (String) row[0];
        byte[] stored = (byte[]) row[1];
        assertThat(SecretProtection.isProtected(stored)).as("encrypted at rest").isTrue();
        byte[] pkcs8 = new SecretProtection("test-signing-key-secret").reveal(stored);
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        publicKey = (byte[]) row[2];
    }

    @Test
    void aCorrectlySignedTokenIsAccepted() throws Exception {
        assertThat(call(signed(claims -> {})).status()).isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() {
        assertInvalidToken(api.anonymous().get("/v1/products").send());
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token : new String[] {"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "x".repeat(5000)}) {
            assertInvalidToken(call(token));
        }
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        String token = signed(claims -> {});
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertInvalidToken(call(tampered));
    }

    @Test
    void changedClaimsBreakTheSignature() throws Exception {
        String[] parts = signed(claims -> {}).split("\\.");
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"iss\":\"" + ISSUER
                                + "\",\"aud\":\"stockroom-api\",\"sub\":\"x\",\"scope\":\"users:admin\"," + "\"exp\":"
                                + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                        .getBytes());

        assertInvalidToken(call(parts[0] + "." + payload + "." + parts[2]));
    }

    @Test
    void algNoneIsRefused() {
        assertInvalidToken(call(new PlainJWT(claims(c -> {})).serialize()));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims(c -> {}));
        jwt.sign(new MACSigner(publicKey));

        assertInvalidToken(call(jwt.serialize()));
    }

    @Test
    void anUnknownKidIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(UUID.randomUUID().toString())
                        .build(),
                claims(c -> {}));
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        assertInvalidToken(call(jwt.serialize()));
    }

    @Test
    void anotherKeyUnderOurKidIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims(c -> {}));
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        assertInvalidToken(call(jwt.serialize()));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertInvalidToken(call(signed(claims -> claims.issueTime(ago(Duration.ofHours(2)))
                .notBeforeTime(ago(Duration.ofHours(2)))
                .expirationTime(ago(Duration.ofHours(1))))));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertInvalidToken(call(signed(claims -> claims.expirationTime(null))));
    }

    @Test
    void notBeforeInTheFutureIsRefused() throws Exception {
        assertInvalidToken(call(
                signed(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))))));
    }

    @Test
    void aWrongIssuerIsRefused() throws Exception {
        assertInvalidToken(call(signed(claims -> claims.issuer("https://evil.example"))));
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        assertInvalidToken(call(signed(claims -> claims.audience("another-api"))));
        assertInvalidToken(call(signed(claims -> claims.audience((String) null))));
    }

    @Test
    void aTokenInTheQueryStringIsRefused() throws Exception {
        String token = signed(claims -> {});

        assertInvalidToken(
                api.anonymous().get("/v1/products?access_token=" + token).send());
        assertInvalidToken(api.anonymous()
                .get("/v1/products?limit=1&access_token=" + token)
                .send());
    }

    @Test
    void theRefusalRevealsNothingAboutTheToken() throws Exception {
        var response = call(signed(claims -> claims.issuer("https://evil.example")));

        assertThat(response.body()).doesNotContain("evil.example").doesNotContain("claim");
        assertThat(response.header("WWW-Authenticate"))
                .doesNotContain("evil.example")
                .doesNotContain("claim");
    }

    private Response call(String token) {
        return api.withToken(token).get("/v1/products?limit=1").send();
    }

    private static void assertInvalidToken(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/type")).isEqualTo("https://stockroom.dev/problems/unauthorized");
        assertThat(response.at("/status")).isEqualTo("401");
    }

    private String signed(Consumer<JWTClaimsSet.Builder> customizer) throws JOSEException {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims(customizer));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customizer) {
        var now = Instant.now();
        var builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("stockroom-api")
                .subject("forger")
                .claim("scope", "products:read")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
        customizer.accept(builder);
        return builder.build();
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }
}
