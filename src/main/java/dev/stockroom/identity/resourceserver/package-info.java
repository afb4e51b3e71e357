/** Token validation for the API (the resource server): the security filter chain, JWT decoding with a cache, scope authorities, header-only bearer tokens, DPoP proofs used once, CORS and HSTS ({@code stockroom.security}). */
@NullMarked
package dev.stockroom.identity.resourceserver;

import org.jspecify.annotations.NullMarked;
