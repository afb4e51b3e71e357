package dev.stockroom.shared.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a stored response can be replayed (at least 24 hours)
 * @param secret the server secret that keys the stored keys, fingerprints and response encryption; when blank,
 *     a random secret is generated once and kept in the database so every instance uses the same one
 */
@ConfigurationProperties("stockroom.idempotency")
record IdempotencyProperties(
        @DefaultValue("48h") Duration retention,
        @DefaultValue("") String secret) {}
