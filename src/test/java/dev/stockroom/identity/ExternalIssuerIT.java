package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code stockroom.identity.oauth.issuer-uri} set, the service accepts an external OpenID provider's tokens (here
 * signed by test keys served from a local JWKS), maps its configurable scope and role claims, and runs no
 * authorization server of its own.
 */
@ApiTest
class ExternalIssuerIT {

    private static final String ISSUER = "https://idp.example.test/realms/stockroom";
    private static final RSAKey RSA = generateRsa();
    private static final ECKey EC = generateEc();
    private static HttpServer jwks;

    @Autowired
    Api service;

    Api api;

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK()))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        registry.add("stockroom.identity.oauth.issuer-uri", () -> ISSUER);
        registry.add(
                "stockroom.identity.oauth.jwk-set-uri",
                () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
        registry.add("stockroom.identity.oauth.scope-claim", () -> "scp");
        registry.add("stockroom.identity.oauth.roles-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stopJwks() {
        jwks.stop(0);
    }

    @BeforeEach
    void setUp() {
        api = service.anonymous();
    }

    @Test
    void anRs256TokenOfTheProviderIsAccepted() throws Exception {
        var response = api.withToken(token(RSA, claims -> {}))
                .get("/v1/products?limit=1")
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anEs256TokenOfTheProviderIsAccepted() throws Exception {
        assertThat(api.withToken(token(EC, claims -> {}))
                        .get("/v1/products?limit=1")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void scopesComeFromTheConfiguredClaim() throws Exception {
        var onlyRead = api.withToken(token(RSA, claims -> {}));

        assertThat(onlyRead.post("/v1/products", Map.of()).send().status()).isEqualTo(403);
        var me = onlyRead.get("/v1/me").send();
        assertThat(me.at("/subject")).isEqualTo("external-user-1");
        assertThat(me.json().get("scopes").toString()).isEqualTo("[\"products:read\"]");
    }

    @Test
    void rolesComeFromTheConfiguredNestedClaim() throws Exception {
        var manager = api.withToken(token(
                RSA,
                claims -> claims.claim("scp", null)
                        .claim("realm_access", Map.of("roles", List.of("catalog_manager", "offline_access")))));

        var created = manager.post("/v1/products", Map.of()).send();
        assertThat(created.status()).as("allowed through, then validated").isEqualTo(422);
        assertThat(manager.get("/v1/users").send().status()).isEqualTo(403);
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceAreRefused() throws Exception {
        assertThat(api.withToken(token(RSA, claims -> claims.issuer("http://stockroom.test")))
                        .get("/v1/products")
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.withToken(token(RSA, claims -> claims.audience("account")))
                        .get("/v1/products")
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aKeyTheProviderDoesNotPublishIsRefused() throws Exception {
        var stranger = generateRsa();

        assertThat(api.withToken(token(stranger, claims -> {}))
                        .get("/v1/products")
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theEmbeddedAuthorizationServerIsOff() {
        assertThat(api.request(
                                "POST",
                                "/oauth2/token",
                                java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/oauth2/jwks").send().status()).isEqualTo(404);
        assertThat(api.get("/.well-known/openid-configuration").send().status()).isEqualTo(404);
    }

    private static String token(com.nimbusds.jose.jwk.JWK key, Consumer<JWTClaimsSet.Builder> customizer)
            throws Exception {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("stockroom-api")
                .subject("external-user-1")
                .claim("scp", "products:read")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
        customizer.accept(claims);
        JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
