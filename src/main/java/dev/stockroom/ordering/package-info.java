/**
 * Orders: placing them (reserving stock for every line, all or nothing), their lifecycle, and who may see and
 * move them. {@link dev.stockroom.ordering.Orders} is the module's public face.
 */
@NullMarked
package dev.stockroom.ordering;

import org.jspecify.annotations.NullMarked;
