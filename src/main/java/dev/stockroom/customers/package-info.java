/**
 * Customers: who orders, and where their orders go. {@link dev.stockroom.customers.Customers} is the module's
 * public face; it also enforces object-level access: a client bound to a customer sees only that customer.
 */
@NullMarked
package dev.stockroom.customers;

import org.jspecify.annotations.NullMarked;
