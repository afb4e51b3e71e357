package dev.stockroom.identity.web;

import dev.stockroom.identity.ClientChanges;
import dev.stockroom.shared.InvalidValue;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import dev.stockroom.shared.web.PresentIfSent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /v1/clients/{id}} (JSON merge patch): only the members sent change. Each field is
 * {@code null} when it was left out and an empty {@link Optional} when it was sent as JSON {@code null}; only the
 * rate limit may be cleared that way. Scopes, redirect URIs and the customer are not here: sending them is an
 * unknown property (422).
 */
@Schema(name = "UpdateClientRequest", description = "The fields of a client to change; every field is optional.")
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record UpdateClientRequest(
        @Schema(description = "New name, 1 to 200 characters. Cannot be null.", example = "Acme fulfilment")
        @PresentIfSent
        @Nullable Optional<@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String> name,

        @Schema(
                description = "The client's own rate limit, as on registration; null gives it the service's default"
                        + " again. Applies on this instance at once and on every other within 10 seconds.",
                example = "500/1s;burst=1000",
                pattern = RateLimitPolicy.PATTERN,
                maxLength = 40)
        @Nullable Optional<
                        @Size(max = 40) @Pattern(
                                regexp = RateLimitPolicy.PATTERN,
                                message = "is not a rate limit like 100/1s or 100/1s;burst=200")
                        String>
                rateLimit) {

    ClientChanges toChanges() {
        return new ClientChanges(
                name == null ? null : name.orElseThrow(),
                rateLimit != null,
                rateLimit == null
                        ? null
                        : rateLimit.map(UpdateClientRequest::policy).orElse(null));
    }

    static RateLimitPolicy policy(String text) {
        try {
            return RateLimitPolicy.parse(RateLimitPolicy.OWN, text);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.of("rate_limit", String.valueOf(e.getMessage()));
        }
    }
}
