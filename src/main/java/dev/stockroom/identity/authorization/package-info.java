/**
 * The OAuth 2.0 authorization server (Spring Authorization Server), on when no external issuer is set: its filter
 * chain and endpoints, codes and refresh tokens redeemed once, refresh tokens rotated and cleaned up, introspection
 * of a client's own tokens, and the {@code stockroom.oauth} settings. What it reads of users and clients (their
 * registrations, the login form's look-up, the access token claims) stays package-private in {@code identity},
 * next to the repositories.
 */
@NullMarked
package dev.stockroom.identity.authorization;

import org.jspecify.annotations.NullMarked;
