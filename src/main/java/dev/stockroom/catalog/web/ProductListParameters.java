package dev.stockroom.catalog.web;

import dev.stockroom.catalog.ProductSearch;
import dev.stockroom.catalog.ProductSort;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.web.PageCursor;
import dev.stockroom.shared.web.PageLimit;
import dev.stockroom.shared.web.PageParameters;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.BindParam;

/** The query parameters of {@code GET /v1/products}, bound together so that every invalid one is reported. */
@ParameterObject
record ProductListParameters(
        @Size(max = Product.MAX_NAME) @Parameter(description = "Case-insensitive substring of the name or sku.", example = "widget")
        @Nullable String q,

        @BindParam("in_stock")
        @Parameter(name = "in_stock", description = "Only products with (true) or without (false) stock.")
        @Nullable Boolean inStock,

        @BindParam("min_price")
        @DecimalMin("0") @Parameter(name = "min_price", description = "Lowest price, inclusive.", example = "10.00")
        @Nullable BigDecimal minPrice,

        @BindParam("max_price")
        @DecimalMin("0") @Parameter(name = "max_price", description = "Highest price, inclusive.", example = "99.99")
        @Nullable BigDecimal maxPrice,

        @Parameter(description = "Sort order; a leading `-` sorts descending.") @Nullable ProductSort sort,

        @PageLimit @Nullable Integer limit,

        @PageCursor @Nullable String cursor) {

    ProductSearch toSearch() {
        return new ProductSearch(
                q,
                inStock,
                minPrice,
                maxPrice,
                sort == null ? ProductSort.CREATED_AT : sort,
                PageParameters.size(limit),
                cursor);
    }
}
