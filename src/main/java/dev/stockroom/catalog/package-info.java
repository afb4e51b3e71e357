/**
 * The catalog: products, their prices and their stock levels. {@link dev.stockroom.catalog.Catalog} is the
 * module's public face; persistence stays package-private here, the HTTP edge lives in {@code catalog.web}
 * and the aggregate and its value objects in {@code catalog.domain}.
 */
@NullMarked
package dev.stockroom.catalog;

import org.jspecify.annotations.NullMarked;
