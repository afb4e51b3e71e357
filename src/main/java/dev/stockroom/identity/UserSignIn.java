package dev.stockroom.identity;

import dev.stockroom.shared.EmailAddress;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks people up by email for the login form, in the {@link EmailAddress} form they were stored in, so a
 * look-alike spelling finds the same account or none. The principal's name is the user's id, not the email, so
 * tokens name a stable subject and revocation finds them after an email change.
 */
@Component
class UserSignIn implements UserDetailsService {

    private final UserRepository users;

    UserSignIn(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var credentials = EmailAddress.parse(email)
                .flatMap(address -> users.findCredentials(address.value()))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        var user = credentials.user();
        return User.withUsername(user.id().toString())
                .password(credentials.passwordHash())
                .disabled(!user.enabled())
                .authorities(
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().wireValue())))
                .build();
    }
}
