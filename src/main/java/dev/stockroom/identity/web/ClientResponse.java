package dev.stockroom.identity.web;

import dev.stockroom.identity.ApiClient;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API client as administrators see it; never its secret. */
@Schema(name = "Client", description = "An API client.")
record ClientResponse(
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
                description = "The client's own rate limit, or null when it has the service's default.",
                example = "500/1s;burst=1000")
        @Nullable String rateLimit,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the client was registered (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt) {

    static ClientResponse from(ApiClient client) {
        return new ClientResponse(
                client.id().value(),
                client.clientId(),
                client.name(),
                client.scopes().stream().sorted().toList(),
                client.redirectUris(),
                grantTypes(client),
                client.customerId() == null ? null : client.customerId().value(),
                client.rateLimit() == null ? null : client.rateLimit().text(),
                client.createdAt());
    }

    static List<String> grantTypes(ApiClient client) {
        return client.signsInPeople()
                ? List.of("client_credentials", "authorization_code", "refresh_token")
                : List.of("client_credentials");
    }
}
