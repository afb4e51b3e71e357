/**
 * Identity and access: the OAuth 2.0 authorization server (Spring Authorization Server) or an external OpenID
 * provider, token validation for the API, people ({@link dev.stockroom.identity.UserAccounts}) and API clients
 * ({@link dev.stockroom.identity.ApiClients}) with their roles and scopes, and the signing keys
 * ({@link dev.stockroom.identity.SigningKeys}). Wiring and persistence stay package-private here, the HTTP
 * edge in {@code identity.web}.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package dev.stockroom.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
