package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stockroom.identity.resourceserver.DPoPProofReplays;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import dev.stockroom.support.SecondInstance;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DPoP (RFC 9449): the authorization server binds a token to the key of the proof sent with the token request,
 * and the API accepts that token only as {@code Authorization: DPoP} with a fresh proof by the same key for the
 * same request, never as a plain bearer token. A proof is used once across all instances on the database.
 */
@ApiTest
class DPoPIT {

    /** What clients call when a load balancer fronts the instances; it tells each instance with X-Forwarded-*. */
    private static final String PUBLIC_URL = "https://api.stockroom.test";

    private static @Nullable SecondInstance other;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DPoPProofReplays replays;

    @Autowired
    Api api;

    ECKey key;

    @BeforeEach
    void setUp() throws Exception {
        key = new ECKeyGenerator(Curve.P_256)
                .keyID(UUID.randomUUID().toString())
                .generate();
    }

    @Test
    void theMetadataAdvertisesDPoP() {
        var metadata =
                api.anonymous().get("/.well-known/oauth-authorization-server").send();

        assertThat(metadata.json().get("dpop_signing_alg_values_supported").toString())
                .contains("ES256");
    }

    @Test
    void aTokenRequestWithAProofGetsABoundToken() throws Exception {
        var response = tokenRequest(proof(key, "POST", "/oauth2/token", null));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.at("/token_type")).isEqualTo("DPoP");
        var claims = Api.JSON.readTree(
                Base64.getUrlDecoder().decode(response.at("/access_token").split("\\.")[1]));
        assertThat(claims.at("/cnf/jkt").asString())
                .isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void aBoundTokenWithAValidProofIsAccepted() throws Exception {
        String token = boundToken();

        var response = withDPoP(token, proof(key, "GET", "/v1/products", token));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aBoundTokenAsAPlainBearerTokenIsRefused() throws Exception {
        String token = boundToken();

        var response = api.withToken(token).get("/v1/products?limit=1").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBoundTokenWithoutAProofIsRefused() throws Exception {
        String token = boundToken();

        var response = api.anonymous()
                .get("/v1/products?limit=1")
                .header("Authorization", "DPoP " + token)
                .send();

        assertDPoPRefusal(response, "invalid_request");
    }

    @Test
    void aProofByAnotherKeyIsRefused() throws Exception {
        String token = boundToken();
        var other = new ECKeyGenerator(Curve.P_256).generate();

        assertDPoPRefusal(withDPoP(token, proof(other, "GET", "/v1/products", token)), "invalid_dpop_proof");
    }

    @Test
    void aProofForAnotherRequestIsRefused() throws Exception {
        String token = boundToken();

        assertDPoPRefusal(withDPoP(token, proof(key, "POST", "/v1/products", token)), "invalid_dpop_proof");
        assertDPoPRefusal(withDPoP(token, proof(key, "GET", "/v1/orders", token)), "invalid_dpop_proof");
        assertDPoPRefusal(withDPoP(token, proof(key, "GET", "/v1/products", "another token")), "invalid_dpop_proof");
    }

    @Test
    void aProofIsGoodForOneRequestOnly() throws Exception {
        String token = boundToken();
        String proof = proof(key, "GET", "/v1/products", token);

        assertThat(withDPoP(token, proof).status()).isEqualTo(200);
        assertDPoPRefusal(withDPoP(token, proof), "invalid_dpop_proof");
    }

    @Test
    void aProofUsedOnOneInstanceIsRefusedByAnother() throws Exception {
        String token = boundToken();
        String proof = proofFor(key, "GET", PUBLIC_URL + "/v1/products", token);
        var b = new Api(secondInstance().port());

        assertThat(behindTheLoadBalancer(api, token, proof).status()).isEqualTo(200);

        assertDPoPRefusal(behindTheLoadBalancer(b, token, proof), "invalid_dpop_proof");
        var fresh = behindTheLoadBalancer(b, token, proofFor(key, "GET", PUBLIC_URL + "/v1/products", token));
        assertThat(fresh.status())
                .as("a fresh proof for the same request is good there: only the replay was refused")
                .isEqualTo(200);
    }

    @Test
    void oneProofSentToBothInstancesAtOnceIsAcceptedOnce() throws Exception {
        String token = boundToken();
        String proof = proofFor(key, "GET", PUBLIC_URL + "/v1/products", token);
        var instances = List.of(api, new Api(secondInstance().port()));
        var turn = new AtomicInteger();

        var answers = AuthorizationCodeFlowIT.concurrently(
                8, () -> behindTheLoadBalancer(instances.get(turn.getAndIncrement() % 2), token, proof));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(7)
                .allSatisfy(refused -> assertDPoPRefusal(refused, "invalid_dpop_proof"));
    }

    @Test
    void anAcceptedProofIsRecordedInTheDatabaseByTheDigestOfItsJti() throws Exception {
        String token = boundToken();
        String proof = proof(key, "GET", "/v1/products", token);

        assertThat(withDPoP(token, proof).status()).isEqualTo(200);

        var claims = SignedJWT.parse(proof).getJWTClaimsSet();
        byte[] jtiHash =
                MessageDigest.getInstance("SHA-256").digest(claims.getJWTID().getBytes(StandardCharsets.UTF_8));
        var expiresAt = jdbc.sql("select expires_at from dpop_proof where jti_hash = :jtiHash")
                .param("jtiHash", jtiHash)
                .query(OffsetDateTime.class)
                .single();
        assertThat(expiresAt.toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(30));
    }

    @Test
    void theCleanUpDeletesProofsPastTheirValidityAndAMarginForClocks() {
        byte[] longExpired = recordedProof("now() - interval '5 minutes'");
        byte[] justExpired = recordedProof("now() - interval '10 seconds'");
        byte[] valid = recordedProof("now() + interval '30 seconds'");

        replays.deleteExpired();

        assertThat(isRecorded(longExpired)).isFalse();
        assertThat(isRecorded(justExpired))
                .as("kept while another clock may still accept it")
                .isTrue();
        assertThat(isRecorded(valid)).isTrue();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    private SecondInstance secondInstance() {
        if (other == null) {
            other = SecondInstance.sharing(dataSource);
        }
        return other;
    }

    private byte[] recordedProof(String expiresAt) {
        byte[] jtiHash = new byte[32];
        RANDOM.nextBytes(jtiHash);
        jdbc.sql("insert into dpop_proof (jti_hash, expires_at) values (:jtiHash, " + expiresAt + ")")
                .param("jtiHash", jtiHash)
                .update();
        return jtiHash;
    }

    private boolean isRecorded(byte[] jtiHash) {
        return jdbc.sql("select count(*) from dpop_proof where jti_hash = :jtiHash")
                        .param("jtiHash", jtiHash)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** A request as the load balancer forwards it, so every instance sees the public URL the proof names. */
    private static Response behindTheLoadBalancer(Api instance, String token, String proof) {
        return instance.anonymous()
                .get("/v1/products?limit=1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.stockroom.test")
                .header("X-Forwarded-Port", "443")
                .header("Authorization", "DPoP " + token)
                .header("DPoP", proof)
                .send();
    }

    private String boundToken() throws Exception {
        var response = tokenRequest(proof(key, "POST", "/oauth2/token", null));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.at("/access_token");
    }

    private Response tokenRequest(String proof) {
        String basic = Base64.getEncoder()
                .encodeToString((Api.ADMIN_CLIENT_ID + ":" + Api.ADMIN_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return api.anonymous()
                .request("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("DPoP", proof)
                .send();
    }

    private Response withDPoP(String token, String proof) {
        return api.anonymous()
                .get("/v1/products?limit=1")
                .header("Authorization", "DPoP " + token)
                .header("DPoP", proof)
                .send();
    }

    private String proof(ECKey signer, String method, String path, @Nullable String accessToken) throws Exception {
        return proofFor(signer, method, "http://localhost:" + api.port() + path, accessToken);
    }

    private static String proofFor(ECKey signer, String method, String uri, @Nullable String accessToken)
            throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", method)
                .claim("htu", uri)
                .issueTime(new Date());
        if (accessToken != null) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            claims.claim("ath", Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        }
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .jwk(signer.toPublicJWK())
                        .build(),
                claims.build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    private static void assertDPoPRefusal(Response response, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .startsWith("DPoP ")
                .contains("error=\"" + error + "\"")
                .contains("algs=\"");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/type")).isEqualTo("https://stockroom.dev/problems/unauthorized");
    }
}
