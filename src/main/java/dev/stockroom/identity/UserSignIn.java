package dev.stockroom.identity;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks people up by email for the login form. The principal's name is the user's id, not the email, so
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
        var credentials = users.findCredentials(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        var user = credentials.user();
        return User.withUsername(user.id().toString())
                .password(credentials.passwordHash())
                .disabled(!user.enabled())
                .authorities(
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().value())))
                .build();
    }
}
