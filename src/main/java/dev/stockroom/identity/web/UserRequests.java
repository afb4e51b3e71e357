package dev.stockroom.identity.web;

/** Rules the user request bodies share. */
final class UserRequests {

    static final String ROLES = "admin|catalog_manager|support|viewer";

    private UserRequests() {}
}
