package dev.stockroom.catalog.web;

import dev.stockroom.catalog.ProductCreated;
import dev.stockroom.catalog.ProductDeleted;
import dev.stockroom.catalog.ProductEvent;
import dev.stockroom.catalog.ProductUpdated;
import dev.stockroom.catalog.StockAdjusted;
import dev.stockroom.catalog.StockRanLow;
import dev.stockroom.shared.events.EventRepresentation;
import dev.stockroom.shared.security.Caller;
import org.springframework.stereotype.Component;

/** A catalog event's resource as {@code /v1/products} answers it: the product, or the stock adjustment. */
@Component
class ProductEventRepresentation implements EventRepresentation<ProductEvent> {

    @Override
    public Class<ProductEvent> eventType() {
        return ProductEvent.class;
    }

    @Override
    public Object represent(ProductEvent event, Caller audience) {
        return switch (event) {
            case ProductCreated created -> ProductResponse.from(created.product());
            case ProductUpdated updated -> ProductResponse.from(updated.after());
            case ProductDeleted deleted -> ProductResponse.from(deleted.product());
            case StockAdjusted adjusted -> StockAdjustmentResponse.from(adjusted.adjustment());
            case StockRanLow low -> ProductResponse.from(low.product());
        };
    }
}
