package dev.stockroom.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials to create at start, idempotently; secrets come only from the environment.
 *
 * @param adminClientId client id of a confidential client with every scope
 * @param adminClientSecret its secret
 * @param adminEmail email of an admin user
 * @param adminPassword the admin user's password
 */
@ConfigurationProperties("stockroom.identity.bootstrap")
record BootstrapProperties(
        @DefaultValue("") String adminClientId,
        @DefaultValue("") String adminClientSecret,
        @DefaultValue("") String adminEmail,
        @DefaultValue("") String adminPassword) {}
