package dev.stockroom.catalog.web;

import dev.stockroom.catalog.Catalog;
import dev.stockroom.catalog.ProductId;
import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.shared.web.ETags;
import dev.stockroom.shared.web.IfMatch;
import dev.stockroom.shared.web.Locations;
import dev.stockroom.shared.web.MergePatchMapping;
import dev.stockroom.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/products}: the HTTP face of the {@link Catalog}. */
@RestController
@RequestMapping(path = "/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Products", description = "The catalog: products, prices and stock levels.")
class ProductController {

    private final Catalog catalog;

    ProductController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.PRODUCTS_WRITE)
    @Operation(
            operationId = "createProduct",
            summary = "Add a product",
            description = "Creates a product; the sku must not be in use yet.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; `Location` names the new product and `ETag` its version.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    @ApiResponse(responseCode = "409", description = "Another product already has this sku.")
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        var product = catalog.add(request.toCommand());
        return ResponseEntity.created(Locations.child(product.id().value()))
                .eTag(ETags.of(product.version()))
                .body(ProductResponse.from(product));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.PRODUCTS_READ)
    @Operation(
            operationId = "getProduct",
            summary = "Get a product",
            description = "Answers 304 with no body when `If-None-Match` names the current ETag.")
    @ApiResponse(
            responseCode = "200",
            description = "The product, with its `ETag`.",
            headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in `If-None-Match`.")
    ResponseEntity<ProductResponse> get(@PathVariable @Parameter(description = "Product id.") UUID id) {
        var product = catalog.get(new ProductId(id));
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductResponse.from(product));
    }

    @MergePatchMapping(path = "/{id}")
    @RequiresScope(Scopes.PRODUCTS_WRITE)
    @Operation(
            operationId = "updateProduct",
            summary = "Change a product",
            description = "JSON merge patch: only the fields sent change. The sku and stock cannot be patched"
                    + " (stock changes through stock adjustments); the low-stock threshold can.")
    @ApiResponse(
            responseCode = "200",
            description = "The product as changed, with its new `ETag`.",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<ProductResponse> update(
            @PathVariable @Parameter(description = "Product id.") UUID id,
            @IfMatch(description = "Change only if the product still has this ETag.", example = "3")
                    Precondition precondition,
            @Valid @RequestBody UpdateProductRequest request) {
        var product = catalog.change(new ProductId(id), request.toChanges(), precondition);
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductResponse.from(product));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.PRODUCTS_WRITE)
    @Operation(operationId = "deleteProduct", summary = "Remove a product")
    @ApiResponse(responseCode = "204", description = "Removed.")
    ResponseEntity<Void> delete(
            @PathVariable @Parameter(description = "Product id.") UUID id,
            @IfMatch(description = "Remove only if the product still has this ETag.", example = "3")
                    Precondition precondition) {
        catalog.remove(new ProductId(id), precondition);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/stock-adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.PRODUCTS_WRITE)
    @Operation(
            summary = "Adjust the stock",
            description = "Adds or removes units atomically; concurrent adjustments never lose each other's effect.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; the body has the new stock level.",
            headers = @Header(name = HttpHeaders.LOCATION))
    @ApiResponse(responseCode = "409", description = "The stock would fall below 0 (or exceed the maximum).")
    ResponseEntity<StockAdjustmentResponse> adjustStock(
            @PathVariable @Parameter(description = "Product id.") UUID id,
            @Valid @RequestBody StockAdjustmentRequest request) {
        var adjustment = catalog.adjustStock(new ProductId(id), request.units(), request.why());
        return ResponseEntity.created(Locations.child(adjustment.id())).body(StockAdjustmentResponse.from(adjustment));
    }

    @GetMapping("/{id}/stock-adjustments/{adjustmentId}")
    @RequiresScope(Scopes.PRODUCTS_READ)
    @Operation(summary = "Get a stock adjustment")
    @ApiResponse(responseCode = "200", description = "The adjustment.")
    StockAdjustmentResponse getAdjustment(
            @PathVariable @Parameter(description = "Product id.") UUID id,
            @PathVariable @Parameter(description = "Adjustment id.") UUID adjustmentId) {
        return StockAdjustmentResponse.from(catalog.getAdjustment(new ProductId(id), adjustmentId));
    }

    @GetMapping
    @RequiresScope(Scopes.PRODUCTS_READ)
    @Operation(
            operationId = "listProducts",
            summary = "List products",
            description = "Keyset-paginated: follow `next_cursor` (or the `Link` header) with the same filters and"
                    + " sort. Every product appears exactly once, also while others are being added.")
    @ApiResponse(
            responseCode = "200",
            description = "One page of products.",
            headers = @Header(name = HttpHeaders.LINK, description = "`<url>; rel=\"next\"` when a page follows."))
    ResponseEntity<PageResponse<ProductResponse>> list(@Valid ProductListParameters parameters) {
        return PageResponse.ok(catalog.search(parameters.toSearch()), ProductResponse::from);
    }
}
