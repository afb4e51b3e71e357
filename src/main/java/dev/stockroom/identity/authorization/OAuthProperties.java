package dev.stockroom.identity.authorization;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are issued and checked.
 *
 * @param issuerUri an external OpenID provider's issuer; when set, the embedded authorization server is off and
 *     only that provider's tokens are accepted
 * @param jwkSetUri the external provider's JWKS, when it is not discoverable from the issuer
 * @param publicUrl the service's own public base URL: the issuer of the tokens it signs, and the base of the
 *     API documentation's OAuth redirect
 * @param audience the {@code aud} every accepted token must carry
 * @param accessTokenTtl lifetime of access tokens the service issues
 * @param refreshTokenTtl lifetime of refresh tokens (each use rotates them)
 * @param scopeClaim claim of an external token that holds the scopes (space-separated or a list)
 * @param rolesClaim claim of an external token that holds the roles; dots descend into objects
 *     ({@code realm_access.roles})
 * @param docsClientId the public client Swagger UI signs people in with
 * @param docsRedirectUris extra redirect URIs for the documentation client (besides the public URL's)
 * @param signingKeyRefresh how long an instance trusts its copy of the signing keys before reading them again
 * @param signingKeySecret encrypts the signing keys' private parts in the database (secret); empty stores them
 *     unencrypted
 */
@Validated
@ConfigurationProperties("stockroom.identity.oauth")
public record OAuthProperties(
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String jwkSetUri,
        @DefaultValue("http://127.0.0.1:8080") @NotBlank String publicUrl,
        @DefaultValue("stockroom-api") @NotBlank String audience,
        @DefaultValue("10m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("scope") String scopeClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("stockroom-docs") String docsClientId,
        @DefaultValue List<String> docsRedirectUris,
        @DefaultValue("30s") Duration signingKeyRefresh,
        @DefaultValue("") String signingKeySecret) {

    public boolean external() {
        return !issuerUri.isBlank();
    }

    /** The issuer of the tokens this service accepts. */
    public String acceptedIssuer() {
        return external() ? issuerUri : publicUrl;
    }
}
