package dev.stockroom.identity;

import static dev.stockroom.shared.security.Scopes.CUSTOMERS_READ;
import static dev.stockroom.shared.security.Scopes.CUSTOMERS_WRITE;
import static dev.stockroom.shared.security.Scopes.ORDERS_READ;
import static dev.stockroom.shared.security.Scopes.ORDERS_WRITE;
import static dev.stockroom.shared.security.Scopes.PRODUCTS_READ;
import static dev.stockroom.shared.security.Scopes.PRODUCTS_WRITE;

import dev.stockroom.shared.WireValue;
import dev.stockroom.shared.security.Scopes;
import java.util.Optional;
import java.util.Set;

/**
 * What a person may do, as the set of scopes their tokens can carry. A token for a person never has a scope
 * their role lacks, whatever the client asked for.
 */
public enum Role implements WireValue {
    ADMIN("admin", Set.copyOf(Scopes.ALL)),
    CATALOG_MANAGER("catalog_manager", Set.of(PRODUCTS_READ, PRODUCTS_WRITE, CUSTOMERS_READ, ORDERS_READ)),
    SUPPORT("support", Set.of(PRODUCTS_READ, CUSTOMERS_READ, CUSTOMERS_WRITE, ORDERS_READ, ORDERS_WRITE)),
    VIEWER("viewer", Set.of(PRODUCTS_READ, CUSTOMERS_READ, ORDERS_READ));

    private final String value;
    private final Set<String> scopes;

    Role(String value, Set<String> scopes) {
        this.value = value;
        this.scopes = scopes;
    }

    @Override
    public String wireValue() {
        return value;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public static Optional<Role> of(String value) {
        return WireValue.parse(Role.class, value);
    }
}
