/** The HTTP edge of ordering: {@code /v1/orders}. */
@NullMarked
package dev.stockroom.ordering.web;

import org.jspecify.annotations.NullMarked;
