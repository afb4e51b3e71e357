package dev.stockroom.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123456789Z");

    private static Product aWidget() {
        return Product.create(new Sku("WIDGET-1"), "Widget", "A widget", Price.of("9.99"), 5, NOW);
    }

    @Test
    void newProductStartsAtVersionOneWithMicrosecondTimestamps() {
        var product = aWidget();

        assertThat(product.version()).isEqualTo(1);
        assertThat(product.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z"));
        assertThat(product.updatedAt()).isEqualTo(product.createdAt());
        assertThat(product.inStock()).isTrue();
    }

    @Test
    void applyChangesOnlyWhatWasSentAndMovesTheVersion() {
        var product = aWidget();
        var later = NOW.plusSeconds(60);

        var changed = product.apply(new ProductChanges("Gadget", false, null, null), later);

        assertThat(changed.name()).isEqualTo("Gadget");
        assertThat(changed.description()).isEqualTo("A widget");
        assertThat(changed.price()).isEqualTo(Price.of("9.99"));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(changed.createdAt()).isEqualTo(product.createdAt());
    }

    @Test
    void descriptionCanBeCleared() {
        var changed = aWidget().apply(new ProductChanges(null, true, null, null), NOW);

        assertThat(changed.description()).isNull();
    }

    @Test
    void applyingTheCurrentValuesIsNotAChange() {
        var product = aWidget();

        var same = product.apply(new ProductChanges("Widget", true, "A widget", Price.of("9.990")), NOW);

        assertThat(same).isSameAs(product);
    }

    @Test
    void refusesBlankOrLongNamesAndNegativeStock() {
        assertThatThrownBy(() -> Product.create(new Sku("AB"), " ", null, Price.of("1"), 0, NOW))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Product.create(new Sku("AB"), "x".repeat(201), null, Price.of("1"), 0, NOW))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Product.create(new Sku("AB"), "x", null, Price.of("1"), -1, NOW))
                .isInstanceOf(InvalidValue.class);
    }
}
