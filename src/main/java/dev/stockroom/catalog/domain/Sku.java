package dev.stockroom.catalog.domain;

import dev.stockroom.shared.InvalidValue;
import java.util.regex.Pattern;

/**
 * Stock keeping unit: the business identifier of a product, unique and immutable once the product exists.
 * Upper-case letters, digits and dashes, 2 to 64 characters, not starting with a dash.
 */
public record Sku(String value) {

    public static final String PATTERN = "^[A-Z0-9][A-Z0-9-]{1,63}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public Sku {
        if (!COMPILED.matcher(value).matches()) {
            throw InvalidValue.of("sku", "must match " + PATTERN);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
