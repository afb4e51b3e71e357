package dev.stockroom.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link dev.stockroom.shared.Precondition} parameter from the optional {@code If-Match} request header,
 * as {@link ETags#ifMatch} reads it, and declares that header in the OpenAPI document with this description
 * and example. The header, how it is read and how it is documented are stated once, in
 * {@link ConditionalRequestConfiguration}; a handler only says what the condition guards.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IfMatch {

    /** What the condition guards, such as "Change only if the product still has this ETag." */
    String description();

    /** A version the header could name, such as {@code 3} for {@code If-Match: "3"}. */
    String example();
}
