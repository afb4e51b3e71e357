package dev.stockroom.identity;

import dev.stockroom.shared.EmailAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A person who signs in: what the service keeps about them, never the password.
 *
 * <p>Immutable: {@link #create} makes a new, enabled account at version 1, {@link #restore} rebuilds a stored
 * one, and {@link #apply} is the only way it changes. The email is kept in its one normal form ({@link
 * EmailAddress}). Which changes cut off the sign-ins the user already has is decided here too ({@link
 * #endsSignInsSince}).
 */
public final class UserAccount {

    private final UserId id;
    private final String email;
    private final Role role;
    private final boolean enabled;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private UserAccount(
            UserId id, String email, Role role, boolean enabled, long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.email = email;
        this.role = role;
        this.enabled = enabled;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new account, enabled, at version 1; the email is normalised (and refused if it is not an address). */
    public static UserAccount create(String email, Role role, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new UserAccount(UserId.newId(), new EmailAddress(email).value(), role, true, 1, at, at);
    }

    /** An account as it was stored. */
    public static UserAccount restore(
            UserId id, String email, Role role, boolean enabled, long version, Instant createdAt, Instant updatedAt) {
        return new UserAccount(id, email, role, enabled, version, createdAt, updatedAt);
    }

    /**
     * Applies the changes an administrator sent. A new password counts as a change although the account does
     * not hold it. Returns this same instance when nothing changes, so a no-op PATCH does not move the version
     * (and does not invalidate the client's ETag).
     */
    public UserAccount apply(UserChanges changes, Instant now) {
        String newEmail = changes.email() == null ? email : new EmailAddress(changes.email()).value();
        Role newRole = changes.role() == null ? role : changes.role();
        boolean newEnabled = changes.enabled() == null ? enabled : changes.enabled();
        boolean same = newEmail.equals(email) && newRole == role && newEnabled == enabled && !changes.changesPassword();
        if (same) {
            return this;
        }
        return new UserAccount(
                id, newEmail, newRole, newEnabled, version + 1, createdAt, now.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Whether this account, changed from {@code before} by {@code changes}, must lose its refresh tokens and
     * sign-in sessions: a disabled account keeps none, and a new password, role or email must not leave a way
     * to get new access tokens on the old terms.
     */
    public boolean endsSignInsSince(UserAccount before, UserChanges changes) {
        return !enabled || changes.changesPassword() || role != before.role || !email.equals(before.email);
    }

    public UserId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
