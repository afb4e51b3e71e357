package dev.stockroom.catalog.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class SkuTest {

    @Test
    void acceptsUpperCaseLettersDigitsAndDashes() {
        for (String sku : new String[] {"AB", "WIDGET-42", "9-9", "A".repeat(64)}) {
            assertThatCode(() -> new Sku(sku)).as(sku).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesEverythingElse() {
        for (String sku : new String[] {"A", "-AB", "ab", "A B", "A_B", "A".repeat(65), "ÄB"}) {
            assertThatThrownBy(() -> new Sku(sku)).as(sku).isInstanceOf(InvalidValue.class);
        }
    }
}
