package dev.stockroom.customers;

import org.jspecify.annotations.Nullable;

/** What it takes to create a customer. */
public record NewCustomer(
        String name, String email, @Nullable String phone, ShippingAddress shippingAddress) {}
