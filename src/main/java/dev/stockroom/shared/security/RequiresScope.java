package dev.stockroom.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation needs an access token carrying this scope (one of {@link Scopes}). Enforced once, by {@link
 * ScopeCheck} before the request body is read, and published as the operation's security requirement in the
 * OpenAPI document, so the documentation and the rule cannot disagree.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {

    String value();
}
