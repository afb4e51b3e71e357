package dev.stockroom.identity;

import org.jspecify.annotations.Nullable;

/** The fields of a user to change; null means "leave as it is". */
public record UserChanges(
        @Nullable String email,
        @Nullable String password,
        @Nullable Role role,
        @Nullable Boolean enabled) {

    /** Whether a new password was sent: always a change, since only its hash is kept and never compared. */
    public boolean changesPassword() {
        return password != null;
    }

    @Override
    public String toString() {
        return "UserChanges[email=" + email + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
