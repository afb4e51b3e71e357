package dev.stockroom.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body accepted; larger ones answer 413
 * @param problemBaseUri the prefix of every problem {@code type} URI
 */
@ConfigurationProperties("stockroom.web")
record ApiWebProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("https://stockroom.dev/problems/") String problemBaseUri) {}
