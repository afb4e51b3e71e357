package dev.stockroom.customers.web;

/** Rules the customer request bodies share. */
final class CustomerRequests {

    static final String PHONE = "\\+?[0-9][0-9 ()-]{4,28}";

    private CustomerRequests() {}
}
