package dev.stockroom.identity;

import dev.stockroom.shared.DuplicateEmail;
import dev.stockroom.shared.InvalidValue;
import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in. Passwords are hashed (bcrypt) and never returned. Any change to a user (disabling or
 * deleting them, or changing their password, role or email) revokes their refresh tokens and ends their sign-in
 * sessions at once, on every instance, so no new access token can be had on the old terms. Nobody creates, changes
 * or deletes a user with more power than their own ({@link Delegation}).
 */
@Service
public class UserAccounts {

    public static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final UserRepository users;
    private final Authorizations authorizations;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserAccounts(
            UserRepository users,
            Authorizations authorizations,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.authorizations = authorizations;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a user whose role holds no scope the caller lacks; a caller bound to a customer creates none. */
    @Transactional
    public UserAccount create(NewUser request, Caller caller) {
        Delegation.administersUsers(caller);
        Delegation.grants(caller, request.role().scopes(), "role");
        var user = newAccount(request);
        if (!users.insert(user, passwords.encode(checkPassword(request.password())))) {
            throw DuplicateEmail.ofUser(user.email());
        }
        events.publishEvent(new UserCreated(user));
        return user;
    }

    @Transactional(readOnly = true)
    public UserAccount get(UserId id) {
        return users.findById(id).orElseThrow(() -> UserNotFound.withId(id));
    }

    @Transactional(readOnly = true)
    public Page<UserAccount> list(UserSearch search) {
        return users.page(search);
    }

    /**
     * Changes a user the caller outranks (their role holds no scope the caller lacks), to a role that holds none
     * either: nobody takes over (by a new password or email) or raises a user above themselves.
     */
    @Transactional
    public UserAccount change(UserId id, UserChanges changes, Precondition precondition, Caller caller) {
        Delegation.administersUsers(caller);
        var current = users.findByIdForUpdate(id).orElseThrow(() -> UserNotFound.withId(id));
        Delegation.outranks(caller, current.role().scopes(), "user");
        if (changes.role() != null) {
            Delegation.grants(caller, changes.role().scopes(), "role");
        }
        precondition.verify("user", current.version());
        var changed = current.apply(changes, clock.instant());
        String hash = changes.password() == null ? null : passwords.encode(checkPassword(changes.password()));
        if (changed == current) {
            return current;
        }
        if (!users.update(changed, hash)) {
            throw DuplicateEmail.ofUser(changed.email());
        }
        if (changed.endsSignInsSince(current, changes)) {
            authorizations.revokeForPrincipal(id.toString());
        }
        events.publishEvent(new UserUpdated(current, changed, hash != null));
        return changed;
    }

    /** Deletes a user the caller outranks. */
    @Transactional
    public void delete(UserId id, Precondition precondition, Caller caller) {
        Delegation.administersUsers(caller);
        var current = users.findByIdForUpdate(id).orElseThrow(() -> UserNotFound.withId(id));
        Delegation.outranks(caller, current.role().scopes(), "user");
        precondition.verify("user", current.version());
        users.delete(id);
        authorizations.revokeForPrincipal(id.toString());
        events.publishEvent(new UserDeleted(current));
    }

    /** Creates the user unless one with this email exists; true when it was created. */
    @Transactional
    public boolean ensure(NewUser request) {
        var user = newAccount(request);
        boolean created = users.insert(user, passwords.encode(checkPassword(request.password())));
        if (created) {
            events.publishEvent(new UserCreated(user));
        }
        return created;
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return users.anyAdmin();
    }

    private UserAccount newAccount(NewUser request) {
        return UserAccount.create(request.email(), request.role(), clock.instant());
    }

    private static String checkPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw InvalidValue.of(
                    "password",
                    "must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return password;
    }
}
