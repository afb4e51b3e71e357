package dev.stockroom.identity.web;

import dev.stockroom.identity.Role;
import dev.stockroom.identity.UserChanges;
import dev.stockroom.shared.web.OneOf;
import dev.stockroom.shared.web.PresentIfSent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /v1/users/{id}}: only the members sent change; none may be null. Any change revokes
 * the user's refresh tokens and ends their sign-in sessions.
 */
@Schema(name = "UpdateUserRequest", description = "The fields of a user to change; every field is optional.")
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record UpdateUserRequest(
        @Schema(description = "New email address.", example = "jane.doe@example.com") @PresentIfSent @Nullable Optional<@Email @Size(min = 3, max = 254) String> email,

        @Schema(
                description = "New password, 12 to 72 characters.",
                example = "another long passphrase",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @PresentIfSent
        @Nullable Optional<@Size(min = 12, max = 72) String> password,

        @Schema(description = "New role.", example = "viewer") @PresentIfSent @OneOf(Role.class) @Nullable Optional<String> role,

        @Schema(description = "False disables sign-in and refresh; true enables again.", example = "false")
        @PresentIfSent
        @Nullable Optional<Boolean> enabled) {

    @Override
    public String toString() {
        return "UpdateUserRequest[email=" + email + ", role=" + role + ", enabled=" + enabled + "]";
    }

    UserChanges toChanges() {
        return new UserChanges(
                email == null ? null : email.orElseThrow(),
                password == null ? null : password.orElseThrow(),
                role == null ? null : Role.of(role.orElseThrow()).orElseThrow(),
                enabled == null ? null : enabled.orElseThrow());
    }
}
