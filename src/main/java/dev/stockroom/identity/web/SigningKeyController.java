package dev.stockroom.identity.web;

import dev.stockroom.identity.SigningKey;
import dev.stockroom.identity.SigningKeys;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/signing-keys}: the keys that sign access tokens, and their rotation. */
@RestController
@RequestMapping(path = "/v1/signing-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Signing keys", description = "Keys that sign access tokens (public parts are at /oauth2/jwks).")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "listSigningKeys",
            summary = "List signing keys",
            description = "Newest first; the active key signs new tokens.")
    @ApiResponse(responseCode = "200", description = "The keys, without private parts.")
    List<SigningKeyResponse> list() {
        return keys.list().stream().map(SigningKeyResponse::from).toList();
    }

    @PostMapping
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "rotateSigningKey",
            summary = "Rotate the signing key",
            description = "A new key signs from now on. The previous key stays in the JWKS until every token it"
                    + " signed has expired, so no valid token is invalidated.")
    @ApiResponse(responseCode = "201", description = "The new active key.")
    ResponseEntity<SigningKeyResponse> rotate() {
        var key = keys.rotate();
        return ResponseEntity.created(URI.create("/oauth2/jwks")).body(SigningKeyResponse.from(key));
    }

    @Schema(name = "SigningKey", description = "A key that signs, or signed, access tokens.")
    record SigningKeyResponse(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Key id (`kid` in token headers and the JWKS).",
                    example = "5b1e0c2d-3f4a-4b5c-8d6e-7f8091a2b3c4")
            String kid,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Whether this key signs new tokens.",
                    example = "true")
            boolean active,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "When the key was made (RFC 3339, UTC).",
                    example = "2026-01-31T09:30:00Z")
            Instant createdAt,

            @Schema(
                    description = "When a newer key took over, or null for the active key.",
                    example = "2026-03-01T09:30:00Z")
            @Nullable Instant retiredAt) {

        static SigningKeyResponse from(SigningKey key) {
            return new SigningKeyResponse(key.kid(), key.active(), key.createdAt(), key.retiredAt());
        }
    }
}
