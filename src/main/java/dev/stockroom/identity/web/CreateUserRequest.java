package dev.stockroom.identity.web;

import dev.stockroom.identity.NewUser;
import dev.stockroom.identity.Role;
import dev.stockroom.shared.web.OneOf;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/users}. */
@Schema(name = "CreateUserRequest", description = "A new user.")
record CreateUserRequest(
        @Schema(
                description = "Email address; signs in with it. Unique, case-insensitive.",
                example = "jane@example.com",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Email @Size(max = 254) @Nullable String email,

        @Schema(
                description = "Password, 12 to 72 characters. Stored only as a bcrypt hash.",
                example = "correct horse battery staple",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotNull @Size(min = 12, max = 72) @Nullable String password,

        @Schema(
                description = "Role: admin, catalog_manager, support or viewer.",
                example = "support",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @OneOf(Role.class)
        @Nullable String role) {

    @Override
    public String toString() {
        return "CreateUserRequest[email=" + email + ", role=" + role + "]";
    }

    @SuppressWarnings("NullAway")
    NewUser toCommand() {
        return new NewUser(email, password, Role.of(role).orElseThrow());
    }
}
