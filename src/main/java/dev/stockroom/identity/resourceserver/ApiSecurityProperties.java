package dev.stockroom.identity.resourceserver;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser-facing protections.
 *
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty (the default) turns CORS off
 * @param hstsMaxAge {@code Strict-Transport-Security} max-age on HTTPS responses; 0 turns the header off
 */
@ConfigurationProperties("stockroom.identity.security")
record ApiSecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("365d") Duration hstsMaxAge) {}
