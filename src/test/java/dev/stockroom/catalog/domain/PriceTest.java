package dev.stockroom.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.shared.InvalidValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void keepsTheExactAmountWithTwoFractionDigits() {
        assertThat(Price.of("19.9").amount()).isEqualTo(new BigDecimal("19.90"));
        assertThat(Price.of("0.10").amount().toPlainString()).isEqualTo("0.10");
        assertThat(Price.of("1000000").amount().toPlainString()).isEqualTo("1000000.00");
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDigits() {
        assertThat(Price.of("1.500").amount()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void refusesZeroNegativeTooLargeAndSubCentAmounts() {
        for (String amount : new String[] {"0", "-1", "1000000.01", "0.001"}) {
            assertThatThrownBy(() -> Price.of(amount)).as(amount).isInstanceOf(InvalidValue.class);
        }
    }
}
