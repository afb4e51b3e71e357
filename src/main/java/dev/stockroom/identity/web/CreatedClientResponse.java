package dev.stockroom.identity.web;

import dev.stockroom.identity.CreatedApiClient;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client just registered: the only answer that carries its secret. */
@Schema(name = "CreatedClient", description = "A newly registered API client, with its secret (shown only now).")
record CreatedClientResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier of the client resource.",
                example = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The OAuth 2.0 client_id.",
                example = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b")
        String clientId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The client secret. Store it now: it is kept only as a hash and never shown again.",
                example = "q8Zk3v0yJ1mB6wT2rN5cX9hL4sD7fG0aP3eU6iO9kR2")
        String clientSecret,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What the client is.",
                example = "Acme partner integration")
        String name,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "Scopes the client may request."),
                schema = @Schema(example = "orders:write"))
        List<String> scopes,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "Redirect URIs; empty for machine-to-machine clients."),
                schema = @Schema(example = "https://app.example.com/callback"))
        List<String> redirectUris,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "OAuth 2.0 grant types the client may use."),
                schema = @Schema(example = "client_credentials"))
        List<String> grantTypes,

        @Schema(
                description = "The customer the client is bound to, or null.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b")
        @Nullable UUID customerId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the client was registered (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt) {

    @Override
    public String toString() {
        return "CreatedClientResponse[id=" + id + ", clientId=" + clientId + "]";
    }

    static CreatedClientResponse from(CreatedApiClient created) {
        var client = ClientResponse.from(created.client());
        return new CreatedClientResponse(
                client.id(),
                client.clientId(),
                created.secret(),
                client.name(),
                client.scopes(),
                client.redirectUris(),
                client.grantTypes(),
                client.customerId(),
                client.createdAt());
    }
}
