package dev.stockroom.shared.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cursorSecret the key that signs pagination cursors; when blank, a random key is generated once and
 *     kept in the database so every instance uses the same one
 */
@ConfigurationProperties("stockroom.paging")
record PagingProperties(@DefaultValue("") String cursorSecret) {}
