package dev.stockroom.identity.throttle;

import dev.stockroom.shared.EmailAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and token requests in PostgreSQL, so every instance sees the same counts, per account
 * from one client address and per client address. Either count at its limit blocks further attempts from that
 * address until the window ends. Nothing blocks an account from everywhere: anyone who knows a client id or a
 * person's email could otherwise lock its owner out by failing on purpose. Client secrets are long and random,
 * so guessing one from many addresses gets nowhere; a person's password is weaker, so failures for a person
 * are also counted across all addresses and, past the limit, slow every attempt for that person down by a
 * short, bounded delay instead of refusing it. IPv6 addresses count by their /64 network, which one host
 * usually has to itself.
 */
@Component
class SignInThrottle {

    private static final String PAIR = "pair:";
    private static final String ADDRESS = "address:";
    private static final String ACCOUNT = "account:";

    private final JdbcClient jdbc;
    private final ThrottleProperties properties;

    SignInThrottle(JdbcClient jdbc, ThrottleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Who an attempt claims to be, in the form the credential check looks it up by.
     *
     * @param name a person's email in {@link EmailAddress} form or a client id exactly as registered; one that
     *     can match no account is counted under a name of its own
     * @param person whether failures are also counted across addresses (for slowing down)
     */
    record Account(String name, boolean person) {

        private static final int MAX_CLIENT_ID = 100;

        static Account person(String username) {
            return EmailAddress.parse(username)
                    .map(email -> new Account("user:" + email.value(), true))
                    .orElseGet(() -> new Account("user-invalid", false));
        }

        static Account client(String clientId) {
            boolean registrable = !clientId.isEmpty()
                    && clientId.length() <= MAX_CLIENT_ID
                    && clientId.chars().noneMatch(Character::isISOControl);
            return new Account(registrable ? "client:" + clientId : "client-invalid", false);
        }
    }

    /**
     * What an attempt must do before its credentials are checked.
     *
     * @param retryAfter present when the attempt is refused, for how long still
     * @param delay how long to wait first (zero unless a person's account is under attack)
     */
    record Verdict(Optional<Duration> retryAfter, Duration delay) {}

    Verdict check(Account account, String address) {
        String pair = pairKey(account, address);
        var counts = jdbc.sql("""
                        select key, failures, extract(epoch from (window_start + make_interval(secs => :window) - now()))
                               as remaining
                        from auth_throttle
                        where key in (:keys) and window_start > now() - make_interval(secs => :window)
                        """)
                .param("window", (double) properties.window().toSeconds())
                .param("keys", keys(account, address))
                .query((rs, row) -> new Count(rs.getString("key"), rs.getInt("failures"), rs.getDouble("remaining")))
                .list();
        var retryAfter = counts.stream()
                .filter(count -> count.key().equals(pair)
                        ? count.failures() >= properties.maxAccountFailures()
                        : count.key().startsWith(ADDRESS) && count.failures() >= properties.maxAddressFailures())
                .map(count -> Duration.ofSeconds((long) Math.ceil(count.remainingSeconds())))
                .max(Duration::compareTo);
        boolean underAttack = counts.stream()
                .anyMatch(count ->
                        count.key().startsWith(ACCOUNT) && count.failures() >= properties.maxAccountFailures());
        return new Verdict(retryAfter, underAttack ? properties.accountDelay() : Duration.ZERO);
    }

    private record Count(String key, int failures, double remainingSeconds) {}

    void recordFailure(Account account, String address) {
        for (String key : keys(account, address)) {
            jdbc.sql("""
                            insert into auth_throttle (key, failures, window_start) values (:key, 1, now())
                            on conflict (key) do update set
                                failures = case when auth_throttle.window_start <= now() - make_interval(secs => :window)
                                                then 1 else auth_throttle.failures + 1 end,
                                window_start = case when auth_throttle.window_start <= now() - make_interval(secs => :window)
                                                    then now() else auth_throttle.window_start end
                            """)
                    .param("key", key)
                    .param("window", (double) properties.window().toSeconds())
                    .update();
        }
    }

    /**
     * Forgets the account's failures from this address. Its failures from elsewhere, and the address's, stay:
     * a success proves nothing about them.
     */
    void recordSuccess(Account account, String address) {
        jdbc.sql("delete from auth_throttle where key = :key")
                .param("key", pairKey(account, address))
                .update();
    }

    private static List<String> keys(Account account, String address) {
        var keys = new ArrayList<>(List.of(pairKey(account, address), ADDRESS + network(address)));
        if (account.person()) {
            keys.add(ACCOUNT + account.name());
        }
        return keys;
    }

    private static String pairKey(Account account, String address) {
        return PAIR + account.name() + "|" + network(address);
    }

    /** The address, or for IPv6 its /64 network; anything that is not an address literal as it came. */
    static String network(String address) {
        try {
            var parsed = InetAddress.ofLiteral(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (IllegalArgumentException | java.net.UnknownHostException notAnAddress) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
    }
}
