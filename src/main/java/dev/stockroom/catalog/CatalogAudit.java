package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a product the audit log records (everything a client can set or see change). */
final class CatalogAudit {

    private CatalogAudit() {}

    static Map<String, Object> fieldsOf(Product product) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("sku", product.sku().value());
        fields.put("name", product.name());
        fields.put("description", product.description());
        fields.put("price", product.price().amount());
        fields.put("stock", product.stock());
        fields.put("low_stock_threshold", product.lowStockThreshold());
        return fields;
    }
}
