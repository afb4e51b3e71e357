package dev.stockroom.shared.security;

import java.util.List;

/** The OAuth 2.0 scopes of the API. Every {@code /v1} operation declares the one it needs. */
public final class Scopes {

    public static final String PRODUCTS_READ = "products:read";
    public static final String PRODUCTS_WRITE = "products:write";
    public static final String CUSTOMERS_READ = "customers:read";
    public static final String CUSTOMERS_WRITE = "customers:write";
    public static final String ORDERS_READ = "orders:read";
    public static final String ORDERS_WRITE = "orders:write";
    public static final String USERS_ADMIN = "users:admin";
    public static final String AUDIT_READ = "audit:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    /**
     * Not for {@code /v1}: lets a client introspect tokens issued to other clients at {@code /oauth2/introspect}
     * (a gateway, say). Without it a client learns only about its own tokens.
     */
    public static final String TOKENS_INTROSPECT = "tokens:introspect";

    /** Every scope, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(
            PRODUCTS_READ,
            PRODUCTS_WRITE,
            CUSTOMERS_READ,
            CUSTOMERS_WRITE,
            ORDERS_READ,
            ORDERS_WRITE,
            USERS_ADMIN,
            AUDIT_READ,
            WEBHOOKS_MANAGE,
            TOKENS_INTROSPECT);

    /** Matches exactly one scope name; for validating requests that name scopes. */
    public static final String PATTERN = "products:read|products:write|customers:read|customers:write|orders:read"
            + "|orders:write|users:admin|audit:read|webhooks:manage|tokens:introspect";

    private Scopes() {}

    public static String describe(String scope) {
        return switch (scope) {
            case PRODUCTS_READ -> "Read products and stock levels";
            case PRODUCTS_WRITE -> "Create, change and delete products; adjust stock";
            case CUSTOMERS_READ -> "Read customers";
            case CUSTOMERS_WRITE -> "Create, change and delete customers";
            case ORDERS_READ -> "Read orders";
            case ORDERS_WRITE -> "Place orders and move them through their lifecycle";
            case USERS_ADMIN -> "Manage users, API clients and signing keys";
            case AUDIT_READ -> "Read the audit log";
            case WEBHOOKS_MANAGE -> "Manage webhook subscriptions";
            case TOKENS_INTROSPECT -> "Introspect tokens issued to other clients";
            default -> scope;
        };
    }
}
