package dev.stockroom.shared.graphql;

import dev.stockroom.shared.DomainException;
import dev.stockroom.shared.web.InputBounds;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A field's argument is not valid: BAD_USER_INPUT, with the argument named in {@code errors} as REST names a parameter. */
public final class InvalidArgument extends DomainException {

    /** The most items a connection answers per page, as REST's {@code limit}. */
    public static final int MAX_FIRST = 100;

    private InvalidArgument(String argument, String detail, String code) {
        super(Kind.UNPROCESSABLE, "validation-error", "Validation failed", detail);
        with("errors", List.of(error("argument", argument, detail, code)));
    }

    /** The argument as an id, or a refusal. */
    public static UUID id(String value, String argument) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidArgument(
                argument, "Not an id: a UUID such as 7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b.", "invalid_id");
    }

    public static @Nullable UUID optionalId(@Nullable String value, String argument) {
        return value == null ? null : id(value, argument);
    }

    /** A text argument of at most {@code max} characters, or a refusal. */
    public static @Nullable String text(@Nullable String value, String argument, int max) {
        if (value != null && value.length() > max) {
            var violation = InputBounds.tooLong(max);
            throw new InvalidArgument(argument, violation.detail(), violation.code());
        }
        return value;
    }

    /** A page size: 1 to {@value #MAX_FIRST}. */
    public static int first(int first) {
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidArgument("first", "first must be between 1 and " + MAX_FIRST + ".", "out_of_range");
        }
        return first;
    }
}
