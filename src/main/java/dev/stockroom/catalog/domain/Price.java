package dev.stockroom.catalog.domain;

import dev.stockroom.shared.InvalidValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit price: an exact decimal above 0 and at most 1,000,000, in cents (two fraction digits at most).
 * Never a float: the amount a client sends is the amount stored and the amount returned.
 */
public record Price(BigDecimal amount) {

    public static final String MAX = "1000000";
    private static final BigDecimal MAXIMUM = new BigDecimal(MAX);

    public Price {
        if (amount.signum() <= 0 || amount.compareTo(MAXIMUM) > 0) {
            throw InvalidValue.of("price", "must be greater than 0 and at most " + MAX);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidValue.of("price", "must have at most 2 fraction digits");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Price of(String amount) {
        return new Price(new BigDecimal(amount));
    }
}
