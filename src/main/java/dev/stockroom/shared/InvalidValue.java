package dev.stockroom.shared;

import java.util.List;

/**
 * A value object refused its input. Request validation normally catches the same rule first; this is the
 * domain's own guard, answered as a 422 naming the field.
 */
public final class InvalidValue extends DomainException {

    private InvalidValue(String field, String detail) {
        super(Kind.UNPROCESSABLE, detail);
        with("errors", List.of(error("pointer", "/" + field, detail, "invalid")));
    }

    public static InvalidValue of(String field, String detail) {
        return new InvalidValue(field, detail);
    }
}
