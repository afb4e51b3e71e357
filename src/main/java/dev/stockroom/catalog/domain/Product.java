package dev.stockroom.catalog.domain;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.shared.InvalidValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A product that can be sold: its identity, description, price, the number of units available and the
 * low-stock threshold at or below which it counts as running low.
 *
 * <p>Immutable: every change returns a new version, so the stored {@link #version()} is the product's entity
 * tag. The sku never changes after creation. Stock is not changed here but through stock adjustments, which
 * the database applies atomically so that concurrent adjustments cannot lose each other's effect.
 *
 * <p>Running low is a transition, not a state: a product <em>ran low</em> when its stock went from above its
 * threshold to at or below it ({@link #ranLowFrom(int)} for a stock movement, {@link #ranLowSince(Product)} for
 * any change, the threshold's included). The default threshold 0 makes that "sold out".
 */
public final class Product {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_STOCK = 1_000_000_000;
    public static final int MAX_LOW_STOCK_THRESHOLD = MAX_STOCK;

    private final ProductId id;
    private final Sku sku;
    private final String name;
    private final @Nullable String description;
    private final Price price;
    private final int stock;
    private final int lowStockThreshold;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Product(
            ProductId id,
            Sku sku,
            String name,
            @Nullable String description,
            Price price,
            int stock,
            int lowStockThreshold,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.sku = sku;
        this.name = checkName(name);
        this.description = checkDescription(description);
        this.price = price;
        this.stock = checkStock(stock);
        this.lowStockThreshold = checkLowStockThreshold(lowStockThreshold);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new product, at version 1. One that starts at or below its threshold has not <em>run</em> low: nothing
     * fell, so nothing is reported until its stock rises above the threshold and falls again.
     */
    public static Product create(
            Sku sku,
            String name,
            @Nullable String description,
            Price price,
            int stock,
            int lowStockThreshold,
            Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Product(ProductId.newId(), sku, name, description, price, stock, lowStockThreshold, 1, at, at);
    }

    /** A product as it was stored. */
    public static Product restore(
            ProductId id,
            Sku sku,
            String name,
            @Nullable String description,
            Price price,
            int stock,
            int lowStockThreshold,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        return new Product(id, sku, name, description, price, stock, lowStockThreshold, version, createdAt, updatedAt);
    }

    /**
     * Applies the changes a client sent. Returns this same instance when nothing actually changes, so a no-op
     * PATCH does not move the version (and does not invalidate the client's ETag).
     */
    public Product apply(ProductChanges changes, Instant now) {
        String newName = changes.name() != null ? changes.name() : name;
        @Nullable String newDescription = changes.descriptionSent() ? changes.description() : description;
        Price newPrice = changes.price() != null ? changes.price() : price;
        int newThreshold = changes.lowStockThreshold() != null ? changes.lowStockThreshold() : lowStockThreshold;
        boolean same = newName.equals(name)
                && java.util.Objects.equals(newDescription, description)
                && newPrice.equals(price)
                && newThreshold == lowStockThreshold;
        if (same) {
            return this;
        }
        return new Product(
                id,
                sku,
                newName,
                newDescription,
                newPrice,
                stock,
                newThreshold,
                version + 1,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS));
    }

    private static String checkName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw InvalidValue.of("name", "must be 1 to " + MAX_NAME + " characters and not blank");
        }
        return name;
    }

    private static @Nullable String checkDescription(@Nullable String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw InvalidValue.of("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static int checkStock(int stock) {
        if (stock < 0 || stock > MAX_STOCK) {
            throw InvalidValue.of("stock", "must be between 0 and " + MAX_STOCK);
        }
        return stock;
    }

    private static int checkLowStockThreshold(int threshold) {
        if (threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD) {
            throw InvalidValue.of("low_stock_threshold", "must be between 0 and " + MAX_LOW_STOCK_THRESHOLD);
        }
        return threshold;
    }

    /** Whether the stock is at or below the low-stock threshold (with the default 0: sold out). */
    public boolean isLow() {
        return stock <= lowStockThreshold;
    }

    /**
     * Whether this product ran low by a stock movement that left its threshold alone: the stock was above the
     * threshold at {@code previousStock} and is at or below it now. Adding stock never runs low; taking stock
     * from a product that was already low does not run low again.
     */
    public boolean ranLowFrom(int previousStock) {
        return previousStock > lowStockThreshold && isLow();
    }

    /**
     * Whether this product ran low since {@code before}, an earlier version of it: it was not low then and is
     * now, whether the stock fell or the threshold rose to meet it. Lowering the threshold never runs low.
     */
    public boolean ranLowSince(Product before) {
        return !before.isLow() && isLow();
    }

    public ProductId id() {
        return id;
    }

    public Sku sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public @Nullable String description() {
        return description;
    }

    public Price price() {
        return price;
    }

    public int stock() {
        return stock;
    }

    /** The stock at or below which the product counts as running low; 0 (the default) means sold out. */
    public int lowStockThreshold() {
        return lowStockThreshold;
    }

    public boolean inStock() {
        return stock > 0;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
