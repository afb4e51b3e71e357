/**
 * Per-client rate limits: a token bucket per API client (per address for requests without a token and for the
 * token endpoint), in memory or shared by every instance through Redis, with the IETF {@code RateLimit} headers
 * and 429 problem details past the limit.
 */
@NullMarked
package dev.stockroom.shared.ratelimit;

import org.jspecify.annotations.NullMarked;
