/**
 * What every module needs to know about the caller: the scopes ({@link dev.stockroom.shared.security.Scopes}),
 * the annotations controllers declare them with, the {@link dev.stockroom.shared.security.Caller} behind a
 * request, and the problem-details answers for 401 and 403. Token issuance and validation live in the
 * {@code identity} module.
 */
@NullMarked
package dev.stockroom.shared.security;

import org.jspecify.annotations.NullMarked;
