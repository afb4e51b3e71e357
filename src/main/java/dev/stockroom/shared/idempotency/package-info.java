/**
 * Idempotency keys for every {@code POST} under {@code /v1}: a request with an {@code Idempotency-Key} runs in
 * one database transaction together with the record of its response, so the effect and the record commit or
 * roll back together. The same key from the same caller with the same body replays the stored response; with
 * another body it answers 422; while the first request still runs, 409.
 *
 * <p>In parts, all package-private: the filter (HTTP: scope check, key owner, outcome), the store (SQL and the
 * encryption that keeps the table unreadable), the clean-up of expired keys, and the request wrapper that lets a
 * handler read a body the filter has already read. The public face is the header names
 * ({@link dev.stockroom.shared.idempotency.IdempotencyHeaders}) and the settings
 * ({@link dev.stockroom.shared.idempotency.IdempotencyProperties}). The feature owns its table, so it sits
 * beside {@code shared.web}, not inside it: web code never touches SQL.
 */
@NullMarked
package dev.stockroom.shared.idempotency;

import org.jspecify.annotations.NullMarked;
