package dev.stockroom.shared.security;

import dev.stockroom.shared.DomainException;
import java.util.List;

/**
 * A principal bound to a customer (a partner client, or a person signed in through one) asked for something
 * only staff may do. One problem type, {@code bound-client}, whatever the module; the reason says what.
 */
public final class BoundClientRefused extends DomainException {

    private BoundClientRefused(String reason) {
        super(Kind.FORBIDDEN, "bound-client", "Not allowed for a bound client", reason);
    }

    /** Refused, for the reason given (a sentence for people). */
    public static BoundClientRefused because(String reason) {
        return new BoundClientRefused(reason);
    }

    /** Refused because of the body member at {@code pointer}, which is also listed in {@code errors}. */
    public static BoundClientRefused because(String reason, String pointer) {
        var refusal = new BoundClientRefused(reason);
        refusal.with("errors", List.of(error("pointer", pointer, reason, "bound")));
        return refusal;
    }
}
