package dev.stockroom.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123456789Z");

    private static Product aWidget() {
        return Product.create(new Sku("WIDGET-1"), "Widget", "A widget", Price.of("9.99"), 5, 0, NOW);
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

        var changed = product.apply(new ProductChanges("Gadget", false, null, null, null), later);

        assertThat(changed.name()).isEqualTo("Gadget");
        assertThat(changed.description()).isEqualTo("A widget");
        assertThat(changed.price()).isEqualTo(Price.of("9.99"));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(changed.createdAt()).isEqualTo(product.createdAt());
    }

    @Test
    void descriptionCanBeCleared() {
        var changed = aWidget().apply(new ProductChanges(null, true, null, null, null), NOW);

        assertThat(changed.description()).isNull();
    }

    @Test
    void applyingTheCurrentValuesIsNotAChange() {
        var product = aWidget();

        var same = product.apply(new ProductChanges("Widget", true, "A widget", Price.of("9.990"), 0), NOW);

        assertThat(same).isSameAs(product);
    }

    @Test
    void refusesBlankOrLongNamesAndNegativeStock() {
        assertThatThrownBy(() -> Product.create(new Sku("AB"), " ", null, Price.of("1"), 0, 0, NOW))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Product.create(new Sku("AB"), "x".repeat(201), null, Price.of("1"), 0, 0, NOW))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Product.create(new Sku("AB"), "x", null, Price.of("1"), -1, 0, NOW))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void theLowStockThresholdDefaultsToNothingButCanBeSetAndChanged() {
        var product = aWidget();

        var changed = product.apply(new ProductChanges(null, false, null, null, 3), NOW.plusSeconds(1));

        assertThat(product.lowStockThreshold()).isZero();
        assertThat(changed.lowStockThreshold()).isEqualTo(3);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.name()).isEqualTo(product.name());
    }

    @Test
    void refusesAThresholdOutOfRange() {
        assertThatThrownBy(() -> Product.create(new Sku("AB"), "x", null, Price.of("1"), 0, -1, NOW))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("between 0 and 1000000000");
        assertThatThrownBy(() -> aWidget().apply(new ProductChanges(null, false, null, null, 1_000_000_001), NOW))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void aStockMovementRunsLowOnlyWhenItCrossesTheThreshold() {
        var atThree = withStock(3, 3);

        assertThat(atThree.ranLowFrom(4))
                .as("from above to exactly the threshold")
                .isTrue();
        assertThat(atThree.ranLowFrom(100)).as("from far above").isTrue();
        assertThat(withStock(1, 3).ranLowFrom(5)).as("from above to below").isTrue();
        assertThat(withStock(1, 3).ranLowFrom(3)).as("already at the threshold").isFalse();
        assertThat(withStock(4, 3).ranLowFrom(6)).as("still above").isFalse();
        assertThat(atThree.ranLowFrom(2)).as("stock added").isFalse();
    }

    @Test
    void withTheDefaultThresholdRunningLowMeansSellingOut() {
        assertThat(withStock(0, 0).ranLowFrom(1)).isTrue();
        assertThat(withStock(1, 0).ranLowFrom(2)).isFalse();
        assertThat(withStock(0, 0).isLow()).isTrue();
        assertThat(withStock(1, 0).isLow()).isFalse();
    }

    @Test
    void raisingTheThresholdToMeetTheStockRunsLowButLoweringItNever() {
        var product = withStock(5, 0);

        var raised = product.apply(new ProductChanges(null, false, null, null, 10), NOW);
        var raisedAgain = raised.apply(new ProductChanges(null, false, null, null, 20), NOW);
        var lowered = raised.apply(new ProductChanges(null, false, null, null, 1), NOW);
        var stillAbove = product.apply(new ProductChanges(null, false, null, null, 4), NOW);

        assertThat(raised.ranLowSince(product)).as("0 -> 10 with stock 5").isTrue();
        assertThat(product.apply(new ProductChanges(null, false, null, null, 5), NOW)
                        .ranLowSince(product))
                .as("0 -> 5 with stock 5")
                .isTrue();
        assertThat(raisedAgain.ranLowSince(raised)).as("already low").isFalse();
        assertThat(lowered.ranLowSince(raised)).as("lowered").isFalse();
        assertThat(stillAbove.ranLowSince(product))
                .as("raised, still below the stock")
                .isFalse();
        assertThat(product.apply(new ProductChanges("Renamed", false, null, null, null), NOW)
                        .ranLowSince(product))
                .as("other fields")
                .isFalse();
    }

    private static Product withStock(int stock, int threshold) {
        return Product.create(new Sku("WIDGET-1"), "Widget", null, Price.of("9.99"), stock, threshold, NOW);
    }
}
