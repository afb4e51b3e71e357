package dev.stockroom.identity;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in: what the service keeps about them, never the password. */
public record UserAccount(
        UUID id, String email, Role role, boolean enabled, long version, Instant createdAt, Instant updatedAt) {}
