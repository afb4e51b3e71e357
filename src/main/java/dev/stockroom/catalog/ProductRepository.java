package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.Sku;
import dev.stockroom.catalog.domain.StockAdjustment;
import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products and their stock ledger in PostgreSQL, with explicit SQL: one statement per operation. Every statement
 * that changes a product also evicts it from this instance's {@link ProductCache} when its transaction completes
 * (other instances hear of it from the database's notification).
 */
@Repository
class ProductRepository {

    private static final String COLUMNS =
            "id, sku, name, description, price, stock, low_stock_threshold, version, created_at, updated_at";

    /** {@link #COLUMNS} of the table aliased {@code p}, for statements that join it with something else. */
    private static final String P_COLUMNS =
            Arrays.stream(COLUMNS.split(", ")).map("p."::concat).collect(Collectors.joining(", "));

    private static final String ADJUSTMENT_COLUMNS = "id, product_id, delta, reason, stock_after, created_at";

    private static final SortKey<StockAdjustment, Instant> ADJUSTMENTS_BY_CREATION =
            SortKey.instant("created_at", StockAdjustment::createdAt, StockAdjustment::id);

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final ProductCache cache;

    ProductRepository(JdbcClient jdbc, KeysetPages pages, ProductCache cache) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.cache = cache;
    }

    void insert(Product product) {
        try {
            jdbc.sql("""
                            insert into product (id, sku, name, description, price, stock, low_stock_threshold,
                                                 version, created_at, updated_at)
                            values (:id, :sku, :name, :description, :price, :stock, :lowStockThreshold,
                                    :version, :createdAt, :updatedAt)
                            """).params(parameters(product)).update();
        } catch (DuplicateKeyException e) {
            throw DuplicateSku.of(product.sku());
        }
    }

    Optional<Product> findById(ProductId id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = :id")
                .param("id", id.value())
                .query(ProductRepository::product)
                .optional();
    }

    /** Reads the product and locks its row until the transaction ends, so a read-check-write is atomic. */
    Optional<Product> findByIdForUpdate(ProductId id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = :id for update")
                .param("id", id.value())
                .query(ProductRepository::product)
                .optional();
    }

    void update(Product product) {
        cache.evictAfterCompletion(List.of(product.id()));
        jdbc.sql("""
                        update product
                        set name = :name, description = :description, price = :price,
                            low_stock_threshold = :lowStockThreshold, version = :version, updated_at = :updatedAt
                        where id = :id
                        """).params(parameters(product)).update();
    }

    void delete(ProductId id) {
        cache.evictAfterCompletion(List.of(id));
        jdbc.sql("delete from product where id = :id").param("id", id.value()).update();
    }

    /**
     * Changes the stock by {@code delta} and records the adjustment, in one statement, answering the adjustment
     * and the product as it changed. The row is updated only if the result stays within range, so concurrent
     * adjustments serialize on the row in the database and none is lost; empty when the product is missing or
     * the result would be out of range.
     */
    Optional<AdjustedStock> adjustStock(ProductId id, int delta, String reason, Instant now) {
        cache.evictAfterCompletion(List.of(id));
        return jdbc.sql("""
                        with changed as (
                            update product
                            set stock = stock + :delta, version = version + 1, updated_at = :now
                            where id = :id and stock + :delta between 0 and :maxStock
                            returning %s
                        ), recorded as (
                            insert into stock_adjustment (id, product_id, delta, reason, stock_after, created_at)
                            select :adjustmentId, id, :delta, :reason, stock, :now from changed
                            returning id, delta, reason, stock_after, created_at
                        )
                        select %s,
                            a.id as adjustment_id, a.delta, a.reason, a.stock_after, a.created_at as adjusted_at
                        from changed p, recorded a
                        """.formatted(COLUMNS, P_COLUMNS))
                .param("id", id.value())
                .param("delta", delta)
                .param("maxStock", Product.MAX_STOCK)
                .param("reason", reason)
                .param("now", timestamp(now))
                .param("adjustmentId", UUID.randomUUID())
                .query((rs, row) -> {
                    var product = product(rs, row);
                    return new AdjustedStock(
                            new StockAdjustment(
                                    rs.getObject("adjustment_id", UUID.class),
                                    product.id(),
                                    rs.getInt("delta"),
                                    rs.getString("reason"),
                                    rs.getInt("stock_after"),
                                    instant(rs, "adjusted_at")),
                            product);
                })
                .optional();
    }

    /** A stock adjustment and the product as it left it. */
    record AdjustedStock(StockAdjustment adjustment, Product product) {}

    /** Locks the products' rows in id order and answers them by id; missing ids are simply absent. */
    Map<ProductId, Product> lockForReservation(List<ProductId> ids) {
        var found = new HashMap<ProductId, Product>();
        jdbc.sql("select " + COLUMNS + " from product where id in (:ids) order by id for update")
                .param("ids", ids.stream().map(ProductId::value).toList())
                .query(ProductRepository::product)
                .list()
                .forEach(product -> found.put(product.id(), product));
        return found;
    }

    /**
     * Adds ({@code sign} +1) or removes (-1) the requested units of every product, in one statement, answering
     * the products as they changed (in no particular order).
     */
    List<Product> changeStock(List<StockRequest> requests, int sign, Instant now) {
        cache.evictAfterCompletion(
                requests.stream().map(StockRequest::productId).toList());
        var values = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        for (int i = 0; i < requests.size(); i++) {
            values.add("(cast(:id%d as uuid), cast(:delta%d as integer))".formatted(i, i));
            params.put("id" + i, requests.get(i).productId().value());
            params.put("delta" + i, sign * requests.get(i).quantity());
        }
        params.put("now", timestamp(now));
        return jdbc.sql("update product p set stock = p.stock + v.delta, version = p.version + 1, updated_at = :now"
                        + " from (values " + String.join(", ", values) + ") as v(id, delta) where p.id = v.id"
                        + " returning " + P_COLUMNS)
                .params(params)
                .query(ProductRepository::product)
                .list();
    }

    Optional<Integer> currentStock(ProductId id) {
        return jdbc.sql("select stock from product where id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .optional();
    }

    Optional<StockAdjustment> findAdjustment(ProductId productId, UUID adjustmentId) {
        return jdbc.sql("""
                        select %s
                        from stock_adjustment where id = :id and product_id = :productId
                        """.formatted(ADJUSTMENT_COLUMNS))
                .param("id", adjustmentId)
                .param("productId", productId.value())
                .query(ProductRepository::adjustment)
                .optional();
    }

    /** The products with these ids that exist, in one statement. */
    Map<ProductId, Product> findAll(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<ProductId, Product>();
        jdbc.sql("select " + COLUMNS + " from product where id in (:ids)")
                .param("ids", ids.stream().map(ProductId::value).toList())
                .query(ProductRepository::product)
                .list()
                .forEach(product -> found.put(product.id(), product));
        return found;
    }

    /** One page of a product's stock ledger, oldest first. */
    Page<StockAdjustment> adjustments(AdjustmentSearch search) {
        var where = new Conditions()
                .add("product_id = :productId", "productId", search.productId().value());
        return pages.read(
                search,
                "select " + ADJUSTMENT_COLUMNS + " from stock_adjustment",
                where,
                ADJUSTMENTS_BY_CREATION,
                ProductRepository::adjustment);
    }

    /** The first page of the stock ledger of each product, in one statement (see {@link KeysetPages#firstPages}). */
    Map<ProductId, Page<StockAdjustment>> firstAdjustmentPages(Map<ProductId, AdjustmentSearch> searches) {
        return pages.firstPages(
                searches,
                ADJUSTMENT_COLUMNS,
                "stock_adjustment",
                "product_id",
                ProductId::value,
                new Conditions(),
                ADJUSTMENTS_BY_CREATION,
                ProductRepository::adjustment,
                StockAdjustment::productId);
    }

    /** One page of the catalog in the search's order, filtered, in one statement. */
    Page<Product> search(ProductSearch search) {
        var where = new Conditions().containing(search.q(), "name", "sku");
        if (search.inStock() != null) {
            where.add(search.inStock() ? "stock > 0" : "stock = 0");
        }
        where.addIfPresent("price >= :minPrice", "minPrice", search.minPrice())
                .addIfPresent("price <= :maxPrice", "maxPrice", search.maxPrice());
        return pages.read(
                search, "select " + COLUMNS + " from product", where, key(search.sort()), ProductRepository::product);
    }

    private static SortKey<Product, ?> key(ProductSort sort) {
        Function<Product, UUID> id = product -> product.id().value();
        SortKey<Product, ?> key = switch (sort.column()) {
            case "name" -> SortKey.text("name", Product::name, id);
            case "price" -> SortKey.decimal("price", product -> product.price().amount(), id);
            default -> SortKey.instant("created_at", Product::createdAt, id);
        };
        return sort.descending() ? key.reversed() : key;
    }

    private static Map<String, Object> parameters(Product product) {
        var params = new HashMap<String, Object>();
        params.put("id", product.id().value());
        params.put("sku", product.sku().value());
        params.put("name", product.name());
        params.put("description", product.description());
        params.put("price", product.price().amount());
        params.put("stock", product.stock());
        params.put("lowStockThreshold", product.lowStockThreshold());
        params.put("version", product.version());
        params.put("createdAt", timestamp(product.createdAt()));
        params.put("updatedAt", timestamp(product.updatedAt()));
        return params;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return Product.restore(
                new ProductId(rs.getObject("id", UUID.class)),
                new Sku(rs.getString("sku")),
                rs.getString("name"),
                rs.getString("description"),
                new Price(rs.getBigDecimal("price")),
                rs.getInt("stock"),
                rs.getInt("low_stock_threshold"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static StockAdjustment adjustment(ResultSet rs, int row) throws SQLException {
        return new StockAdjustment(
                rs.getObject("id", UUID.class),
                new ProductId(rs.getObject("product_id", UUID.class)),
                rs.getInt("delta"),
                rs.getString("reason"),
                rs.getInt("stock_after"),
                instant(rs, "created_at"));
    }
}
