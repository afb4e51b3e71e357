package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.ProductChanges;
import dev.stockroom.catalog.domain.Sku;
import dev.stockroom.catalog.domain.StockAdjustment;
import dev.stockroom.shared.audit.AuditableEvent.Change;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog's events say what happened in the audit log's terms: action, resource and the fields changed. */
class CatalogEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Product aWidget() {
        return Product.create(new Sku("WIDGET-1"), "Widget", null, new Price(new BigDecimal("9.99")), 5, 2, NOW);
    }

    @Test
    void aCreatedProductRecordsEveryFieldAsNew() {
        var product = aWidget();

        var event = new ProductCreated(product);

        assertThat(event.action()).isEqualTo("product.created");
        assertThat(event.resourceType()).isEqualTo("product");
        assertThat(event.resourceId()).isEqualTo(product.id().toString());
        assertThat(event.changes()).containsEntry("sku", new Change(null, "WIDGET-1"));
        assertThat(event.changes()).containsEntry("stock", new Change(null, 5));
        assertThat(event.changes()).containsEntry("low_stock_threshold", new Change(null, 2));
        assertThat(event.changes()).doesNotContainKey("description");
    }

    @Test
    void anUpdateRecordsOnlyTheFieldsThatChanged() {
        var before = aWidget();
        var after = before.apply(new ProductChanges("Blue widget", false, null, null, null), NOW.plusSeconds(1));

        var event = new ProductUpdated(before, after);

        assertThat(event.action()).isEqualTo("product.updated");
        assertThat(event.changes()).containsOnlyKeys("name");
        assertThat(event.changes().get("name")).isEqualTo(new Change("Widget", "Blue widget"));
    }

    @Test
    void aStockAdjustmentRecordsTheLevelBeforeAndAfterAndWhy() {
        var product = aWidget();
        var adjustment = new StockAdjustment(UUID.randomUUID(), product.id(), -3, "damaged", 2, NOW);

        var event = new StockAdjusted(adjustment);

        assertThat(event.action()).isEqualTo("product.stock_adjusted");
        assertThat(event.resourceId()).isEqualTo(product.id().toString());
        assertThat(event.changes())
                .containsEntry("stock", new Change(5, 2))
                .containsEntry("reason", new Change(null, "damaged"));
    }

    @Test
    void aDeletionRecordsEveryFieldAsGone() {
        var product = aWidget();

        var event = new ProductDeleted(product);

        assertThat(event.action()).isEqualTo("product.deleted");
        assertThat(event.changes()).containsEntry("name", new Change("Widget", null));
    }

    @Test
    void aThresholdChangeIsAnUpdateOfThatField() {
        var before = aWidget();
        var after = before.apply(new ProductChanges(null, false, null, null, 7), NOW.plusSeconds(1));

        var event = new ProductUpdated(before, after);

        assertThat(event.changes()).containsOnlyKeys("low_stock_threshold");
        assertThat(event.changes().get("low_stock_threshold")).isEqualTo(new Change(2, 7));
    }

    @Test
    void runningLowRecordsTheStockAndTheThresholdItFellTo() {
        var product = aWidget();

        var event = new StockRanLow(product);

        assertThat(event.action()).isEqualTo("product.stock_low");
        assertThat(event.resourceType()).isEqualTo("product");
        assertThat(event.resourceId()).isEqualTo(product.id().toString());
        assertThat(event.changes())
                .containsOnly(entry("stock", new Change(null, 5)), entry("low_stock_threshold", new Change(null, 2)));
    }
}
