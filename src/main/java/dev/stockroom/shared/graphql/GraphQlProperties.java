package dev.stockroom.shared.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of a GraphQL request ({@code stockroom.graphql.*}).
 *
 * @param maxDepth how deeply fields may nest, counting a connection's {@code edges} and {@code node}
 * @param maxComplexity how many fields a query may read at most, counting each item of a list ({@link
 *     QueryLimits})
 * @param maxDocumentCharacters the longest query document, in characters
 * @param maxDocumentTokens the most tokens (names, punctuation, values) in a query document
 * @param timeout how long a query may run; fields not fetched by then answer TIMEOUT
 */
@ConfigurationProperties("stockroom.graphql")
record GraphQlProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("20000") int maxComplexity,
        @DefaultValue("20000") int maxDocumentCharacters,
        @DefaultValue("2000") int maxDocumentTokens,
        @DefaultValue("10s") Duration timeout) {}
