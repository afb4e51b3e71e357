package dev.stockroom.identity.web;

import dev.stockroom.identity.UserAccount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A user as administrators see them; never the password. */
@Schema(name = "User", description = "A person who signs in.")
record UserResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier; also the `sub` of the user's tokens.",
                example = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Email address.",
                example = "jane@example.com")
        String email,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Role.", example = "support")
        String role,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Whether the user may sign in.",
                example = "true")
        boolean enabled,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Version; the ETag is this number in quotes.",
                example = "1")
        long version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the user was created (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the user last changed (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant updatedAt) {

    static UserResponse from(UserAccount user) {
        return new UserResponse(
                user.id().value(),
                user.email(),
                user.role().wireValue(),
                user.enabled(),
                user.version(),
                user.createdAt(),
                user.updatedAt());
    }
}
