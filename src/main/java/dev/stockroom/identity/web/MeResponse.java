package dev.stockroom.identity.web;

import dev.stockroom.identity.UserAccounts;
import dev.stockroom.identity.UserId;
import dev.stockroom.shared.security.Caller;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The caller as the service sees it. */
@Schema(name = "Me", description = "Who the access token belongs to and what it allows.")
record MeResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The token's subject: a user id or a client id.",
                example = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        String subject,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "`user` for a person, `client` for a machine.",
                example = "user",
                allowableValues = {"user", "client"})
        String principalType,

        @ArraySchema(
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The scopes granted."),
                schema = @Schema(example = "products:read"))
        List<String> scopes,

        @Schema(description = "The user's email, for people.", example = "jane@example.com") @Nullable String email,

        @Schema(description = "The user's role, for people.", example = "support") @Nullable String role,

        @Schema(
                description = "The customer the token is bound to, or null: a partner client's, also for a person"
                        + " who signed in through a partner client.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b")
        @Nullable UUID customerId) {
    /** The caller as it is shown to itself: from its token, and for a person also from its account. */
    static MeResponse of(Caller caller, UserAccounts users) {
        var scopes = caller.scopes().stream().sorted().toList();
        if (caller.kind() == Caller.Kind.USER) {
            try {
                var user = users.get(new UserId(UUID.fromString(caller.subject())));
                return new MeResponse(
                        caller.subject(),
                        "user",
                        scopes,
                        user.email(),
                        user.role().wireValue(),
                        caller.customerId());
            } catch (IllegalArgumentException externalSubject) {
                return new MeResponse(caller.subject(), "user", scopes, null, null, caller.customerId());
            }
        }
        return new MeResponse(caller.subject(), "client", scopes, null, null, caller.customerId());
    }
}
