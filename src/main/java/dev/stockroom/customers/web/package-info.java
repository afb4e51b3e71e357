/** The HTTP edge of the customers module: {@code /v1/customers}. */
@NullMarked
package dev.stockroom.customers.web;

import org.jspecify.annotations.NullMarked;
