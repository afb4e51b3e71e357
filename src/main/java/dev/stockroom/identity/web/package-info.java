/** The HTTP edge of identity: users, API clients, signing keys and the caller's own view ({@code /v1/me}). */
@NullMarked
package dev.stockroom.identity.web;

import org.jspecify.annotations.NullMarked;
