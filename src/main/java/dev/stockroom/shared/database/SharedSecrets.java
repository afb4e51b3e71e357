package dev.stockroom.shared.database;

import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets that every instance of the service must agree on, created once and kept in PostgreSQL. The
 * first instance to ask creates the secret; a concurrent creator loses the insert race and reads the winner's.
 */
@Component
public class SharedSecrets {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    SharedSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] obtain(String name, int length) {
        byte[] candidate = new byte[length];
        random.nextBytes(candidate);
        jdbc.sql("insert into app_secret (name, value) values (:name, :value) on conflict (name) do nothing")
                .param("name", name)
                .param("value", candidate)
                .update();
        return jdbc.sql("select value from app_secret where name = :name")
                .param("name", name)
                .query(byte[].class)
                .single();
    }
}
