package dev.stockroom.identity.web;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.identity.NewApiClient;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import dev.stockroom.shared.security.Scopes;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/clients}. */
@Schema(name = "CreateClientRequest", description = "A new API client.")
record CreateClientRequest(
        @Schema(
                description = "What the client is, for people.",
                example = "Acme partner integration",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) @Nullable String name,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Scopes the client may request; a subset of the API's scopes, and"
                                        + " of the caller's own.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "orders:write", pattern = Scopes.PATTERN))
        @NotEmpty @Size(max = 10) @Nullable List<@NotNull @Pattern(regexp = Scopes.PATTERN, message = "is not a scope of this API") String> scopes,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Redirect URIs, for a client that signs people in (authorization code"
                                        + " with PKCE); leave out for machine-to-machine clients. Refused for a"
                                        + " client bound to a customer."),
                schema = @Schema(example = "https://app.example.com/callback"))
        @Size(max = 10) @Nullable List<
                        @NotNull @Pattern(
                                regexp = "https://[^\\s#]+|http://127\\.0\\.0\\.1(:\\d+)?(/[^\\s#]*)?",
                                message = "must be an https URL (or http://127.0.0.1) without fragment")
                        String>
                redirectUris,

        @Schema(
                description = "Binds the client to one customer account: it may then act only for that customer,"
                        + " and cannot sign people in. Required, and the caller's own, when the caller is bound.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b")
        @Nullable UUID customerId,

        @Schema(
                description = "The client's own rate limit, instead of the service's default (STOCKROOM_RATE_LIMIT):"
                        + " requests per window, with an optional burst (the most it may send at once).",
                example = "500/1s;burst=1000",
                pattern = RateLimitPolicy.PATTERN,
                maxLength = 40)
        @Size(max = 40) @Pattern(regexp = RateLimitPolicy.PATTERN, message = "is not a rate limit like 100/1s or 100/1s;burst=200") @Nullable String rateLimit) {

    @SuppressWarnings("NullAway")
    NewApiClient toCommand() {
        return new NewApiClient(
                name,
                new LinkedHashSet<>(scopes),
                redirectUris == null ? List.of() : List.copyOf(new LinkedHashSet<>(redirectUris)),
                customerId == null ? null : new CustomerId(customerId),
                rateLimit == null ? null : UpdateClientRequest.policy(rateLimit));
    }
}
