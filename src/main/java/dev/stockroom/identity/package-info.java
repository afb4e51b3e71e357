/**
 * Identity and access: the OAuth 2.0 authorization server (Spring Authorization Server) or an external OpenID provider,
 * token validation for the API, people ({@link dev.stockroom.identity.UserAccounts}) and API clients ({@link
 * dev.stockroom.identity.ApiClients}) with their roles and scopes, and the signing keys ({@link
 * dev.stockroom.identity.SigningKeys}). This package is the module's public face; beside it, package-private, sit the
 * repositories and what reads them directly (the bootstrap, the login form's look-up, the access token claims, the
 * authorization server's view of the clients). The rest lives in sub-packages the module keeps to itself: {@code
 * authorization} (the authorization server), {@code resourceserver} (token validation), {@code throttle} (sign-in
 * throttling) and {@code web} (the HTTP edge).
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package dev.stockroom.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
