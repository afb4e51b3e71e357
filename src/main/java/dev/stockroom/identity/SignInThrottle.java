package dev.stockroom.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and token requests per account and per client address in PostgreSQL, so every
 * instance sees the same counts. A key that has reached its limit within the window is blocked until the
 * window ends; nothing is blocked for longer, so the real owner is never locked out for good.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final ThrottleProperties properties;

    SignInThrottle(JdbcClient jdbc, ThrottleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How long the account or the address must still wait, if either is blocked. */
    Optional<Duration> blockedFor(String account, String address) {
        return jdbc
                .sql("""
                        select key, failures, extract(epoch from (window_start + make_interval(secs => :window) - now()))
                               as remaining
                        from auth_throttle
                        where key in (:account, :address) and window_start > now() - make_interval(secs => :window)
                        """)
                .param("window", (double) properties.window().toSeconds())
                .param("account", accountKey(account))
                .param("address", addressKey(address))
                .query((rs, row) -> {
                    int limit = rs.getString("key").startsWith("account:")
                            ? properties.maxAccountFailures()
                            : properties.maxAddressFailures();
                    return rs.getInt("failures") >= limit
                            ? Optional.of(Duration.ofSeconds((long) Math.ceil(rs.getDouble("remaining"))))
                            : Optional.<Duration>empty();
                })
                .list()
                .stream()
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void recordFailure(String account, String address) {
        for (String key : List.of(accountKey(account), addressKey(address))) {
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

    void recordSuccess(String account) {
        jdbc.sql("delete from auth_throttle where key = :key")
                .param("key", accountKey(account))
                .update();
    }

    private static String accountKey(String account) {
        return "account:" + account.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
