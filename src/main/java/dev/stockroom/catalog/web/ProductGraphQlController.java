package dev.stockroom.catalog.web;

import dev.stockroom.catalog.AdjustmentSearch;
import dev.stockroom.catalog.Catalog;
import dev.stockroom.catalog.ProductId;
import dev.stockroom.catalog.ProductSearch;
import dev.stockroom.catalog.ProductSort;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.graphql.ChildPages;
import dev.stockroom.shared.graphql.Connection;
import dev.stockroom.shared.graphql.InvalidArgument;
import dev.stockroom.shared.graphql.Loaders;
import dev.stockroom.shared.graphql.Loaders.ChildPage;
import dev.stockroom.shared.web.BodyValidator;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The catalog in GraphQL: the same {@link Catalog} calls as {@link ProductController}, the same response records,
 * and batch loaders for what other types nest (a line's product, a product's stock ledger), so a list costs one
 * query per level, not one per item.
 */
@Controller
class ProductGraphQlController {

    private final Catalog catalog;
    private final BodyValidator validator;

    ProductGraphQlController(Catalog catalog, BodyValidator validator, BatchLoaderRegistry loaders) {
        this.catalog = catalog;
        this.validator = validator;
        loaders.<UUID, ProductResponse>forName(Loaders.PRODUCTS)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> products(ids)));
        loaders.<ChildPage, Connection<StockAdjustmentResponse>>forName(Loaders.STOCK_ADJUSTMENTS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> adjustments(keys)));
    }

    /** Input of {@code products(filter:)}. */
    record ProductFilter(
            @Nullable String q,
            @Nullable Boolean inStock,
            @Nullable BigDecimal minPrice,
            @Nullable BigDecimal maxPrice) {}

    @QueryMapping
    ProductResponse product(@Argument String id) {
        return ProductResponse.from(catalog.get(new ProductId(InvalidArgument.id(id, "id"))));
    }

    @QueryMapping
    Connection<ProductResponse> products(
            @Argument @Nullable ProductFilter filter,
            @Argument ProductSort sort,
            @Argument int first,
            @Argument @Nullable String after) {
        var search = new ProductSearch(
                filter == null ? null : InvalidArgument.text(filter.q(), "filter.q", Product.MAX_NAME),
                filter == null ? null : filter.inStock(),
                filter == null ? null : filter.minPrice(),
                filter == null ? null : filter.maxPrice(),
                sort,
                InvalidArgument.first(first),
                after);
        return Connection.of(catalog.search(search), ProductResponse::from);
    }

    @SchemaMapping(typeName = "Product")
    CompletableFuture<Connection<StockAdjustmentResponse>> stockAdjustments(
            ProductResponse product,
            @Argument int first,
            @Argument @Nullable String after,
            DataFetchingEnvironment environment) {
        return Objects.requireNonNull(environment.<ChildPage, Connection<StockAdjustmentResponse>>getDataLoader(
                        Loaders.STOCK_ADJUSTMENTS))
                .load(ChildPage.of(product.id(), arguments(first, after)));
    }

    @MutationMapping
    StockAdjustmentResponse adjustStock(@Argument Map<String, Object> input) {
        var request = new StockAdjustmentRequest((Integer) input.get("delta"), (String) input.get("reason"));
        validator.validate(request);
        var id = InvalidArgument.id(String.valueOf(input.get("productId")), "input.productId");
        return StockAdjustmentResponse.from(catalog.adjustStock(new ProductId(id), request.units(), request.why()));
    }

    private static Map<String, @Nullable Object> arguments(int first, @Nullable String after) {
        var arguments = new HashMap<String, @Nullable Object>();
        arguments.put("first", first);
        arguments.put("after", after);
        return arguments;
    }

    private Map<UUID, ProductResponse> products(Set<UUID> ids) {
        var found = new HashMap<UUID, ProductResponse>();
        catalog.getAll(ids.stream().map(ProductId::new).toList())
                .forEach((id, product) -> found.put(id.value(), ProductResponse.from(product)));
        return found;
    }

    /** Stock ledgers: the first pages of all products in one statement, later pages one by one. */
    private Map<ChildPage, Connection<StockAdjustmentResponse>> adjustments(Set<ChildPage> keys) {
        return ChildPages.load(
                keys,
                ProductId::new,
                (product, key) -> new AdjustmentSearch(product, InvalidArgument.first(key.first()), key.after()),
                catalog::firstAdjustmentPages,
                catalog::adjustments,
                StockAdjustmentResponse::from);
    }
}
