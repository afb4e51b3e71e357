package dev.stockroom.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param retention how long a stored response can be replayed (at least 24 hours) */
@ConfigurationProperties("stockroom.idempotency")
public record IdempotencyProperties(@DefaultValue("48h") Duration retention) {}
