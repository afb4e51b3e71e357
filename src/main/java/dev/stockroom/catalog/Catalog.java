package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.ProductChanges;
import dev.stockroom.catalog.domain.StockAdjustment;
import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.paging.Page;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's public API: adding, reading, changing and removing products, and adjusting their stock. Every
 * method is one transaction; a refusal throws a {@link dev.stockroom.shared.DomainException} and changes
 * nothing. Every change publishes its {@link ProductEvent} in that transaction; a change that makes a product
 * run low (its stock falls to or below its threshold) also publishes {@link StockRanLow}.
 */
@Service
public class Catalog {

    private final ProductRepository products;
    private final ProductCache cache;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Catalog(ProductRepository products, ProductCache cache, Clock clock, ApplicationEventPublisher events) {
        this.products = products;
        this.cache = cache;
        this.clock = clock;
        this.events = events;
    }

    /** Adds a product; a sku that is already taken throws {@link DuplicateSku}. */
    @Transactional
    public Product add(NewProduct request) {
        var product = Product.create(
                request.sku(),
                request.name(),
                request.description(),
                request.price(),
                request.stock(),
                request.lowStockThreshold(),
                clock.instant());
        products.insert(product);
        events.publishEvent(new ProductCreated(product));
        return product;
    }

    /**
     * The product as last committed, from the {@link ProductCache} when it has it. One statement otherwise, so no
     * transaction around it: a read-only one would cost two round trips more.
     */
    public Product get(ProductId id) {
        return cache.get(id, products::findById).orElseThrow(() -> ProductNotFound.withId(id));
    }

    /**
     * Applies the changes if the product's version satisfies the precondition. A threshold raised to meet the
     * current stock (from 0 to 10 while the stock is 5) makes the product run low: {@link StockRanLow} follows
     * the {@link ProductUpdated}.
     */
    @Transactional
    public Product change(ProductId id, ProductChanges changes, Precondition precondition) {
        var current = lockedForChange(id, precondition);
        var changed = current.apply(changes, clock.instant());
        if (changed != current) {
            products.update(changed);
            events.publishEvent(new ProductUpdated(current, changed));
            if (changed.ranLowSince(current)) {
                events.publishEvent(new StockRanLow(changed));
            }
        }
        return changed;
    }

    @Transactional
    public void remove(ProductId id, Precondition precondition) {
        var current = lockedForChange(id, precondition);
        products.delete(id);
        events.publishEvent(new ProductDeleted(current));
    }

    /**
     * Adds {@code delta} units (negative to remove) and records why. Refuses with {@link InsufficientStock} when
     * the stock would fall below zero or rise above the maximum. Publishes {@link StockAdjusted}, and
     * {@link StockRanLow} after it when the stock fell from above the product's threshold to at or below it.
     */
    @Transactional
    public StockAdjustment adjustStock(ProductId id, int delta, String reason) {
        var adjusted = products.adjustStock(id, delta, reason, clock.instant())
                .orElseThrow(() -> products.currentStock(id)
                        .<RuntimeException>map(available -> InsufficientStock.forAdjustment(id, available, delta))
                        .orElseGet(() -> ProductNotFound.withId(id)));
        var adjustment = adjusted.adjustment();
        events.publishEvent(new StockAdjusted(adjustment));
        if (adjusted.product().ranLowFrom(adjustment.stockBefore())) {
            events.publishEvent(new StockRanLow(adjusted.product()));
        }
        return adjustment;
    }

    /**
     * Takes the units out of stock for every request, all or nothing, in the caller's transaction. The rows are
     * locked in id order, so concurrent orders over the same products queue instead of deadlocking; nothing is
     * taken unless every line can be served. Throws {@link UnknownProducts} or {@link StockShortage}. Publishes
     * {@link StockRanLow} for every product whose stock this took from above its threshold to at or below it.
     */
    @Transactional
    public List<ReservedStock> reserve(List<StockRequest> requests) {
        var locked = products.lockForReservation(
                requests.stream().map(StockRequest::productId).toList());
        var missing = requests.stream()
                .map(StockRequest::productId)
                .filter(id -> !locked.containsKey(id))
                .toList();
        if (!missing.isEmpty()) {
            throw new UnknownProducts(missing);
        }
        var shortfalls = requests.stream()
                .filter(request -> lockedProduct(locked, request).stock() < request.quantity())
                .map(request -> new StockShortage.Shortfall(
                        request.productId(),
                        request.quantity(),
                        lockedProduct(locked, request).stock()))
                .toList();
        if (!shortfalls.isEmpty()) {
            throw new StockShortage(shortfalls);
        }
        for (var taken : products.changeStock(requests, -1, clock.instant())) {
            if (taken.ranLowSince(Objects.requireNonNull(locked.get(taken.id())))) {
                events.publishEvent(new StockRanLow(taken));
            }
        }
        return requests.stream()
                .map(request -> {
                    var product = lockedProduct(locked, request);
                    return new ReservedStock(
                            request.productId(),
                            product.sku().value(),
                            product.name(),
                            product.price().amount(),
                            request.quantity());
                })
                .toList();
    }

    /** The locked row for a request; present, since unknown products were refused first. */
    private static Product lockedProduct(Map<ProductId, Product> locked, StockRequest request) {
        return Objects.requireNonNull(locked.get(request.productId()));
    }

    /**
     * Gives reserved units back (an order was cancelled), in the caller's transaction. Stock that rises cannot run
     * low, so this publishes no {@link StockRanLow}.
     */
    @Transactional
    public void release(List<StockRequest> requests) {
        products.changeStock(requests, +1, clock.instant());
    }

    @Transactional(readOnly = true)
    public StockAdjustment getAdjustment(ProductId id, UUID adjustmentId) {
        return products.findAdjustment(id, adjustmentId)
                .orElseThrow(() -> ProductNotFound.adjustment(id, adjustmentId));
    }

    /**
     * The products with these ids that exist, as last committed, in one statement (for batch loading; a single
     * product goes through the cache with {@link #get}).
     */
    public Map<ProductId, Product> getAll(Collection<ProductId> ids) {
        return products.findAll(ids);
    }

    /** One page of a product's stock ledger, oldest first; an unknown product has none. */
    public Page<StockAdjustment> adjustments(AdjustmentSearch search) {
        return products.adjustments(search);
    }

    /** The first page of each product's stock ledger, in one statement whatever their number. */
    public Map<ProductId, Page<StockAdjustment>> firstAdjustmentPages(Map<ProductId, AdjustmentSearch> searches) {
        return products.firstAdjustmentPages(searches);
    }

    /** One statement (the page and its look-ahead row), so no transaction around it, as for {@link #get}. */
    public Page<Product> search(ProductSearch search) {
        return products.search(search);
    }

    private Product lockedForChange(ProductId id, Precondition precondition) {
        var current = products.findByIdForUpdate(id).orElseThrow(() -> ProductNotFound.withId(id));
        precondition.verify("product", current.version());
        return current;
    }
}
