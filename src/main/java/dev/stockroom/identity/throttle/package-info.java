/** Sign-in throttling in front of the token endpoint and the login form ({@code stockroom.throttle}). */
@NullMarked
package dev.stockroom.identity.throttle;

import org.jspecify.annotations.NullMarked;
