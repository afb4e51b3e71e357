package dev.stockroom.shared.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The batch loaders one module registers and another's fields use, by name, so that no module needs another's
 * GraphQL types: a field asks the loader for its keys, and the loader answers them all with one query.
 */
public final class Loaders {

    /** Products by id ({@code UUID}), as they are now; a removed product is null. */
    public static final String PRODUCTS = "products";

    /** Customers by id ({@code UUID}) the caller may see; any other is null. */
    public static final String CUSTOMERS = "customers";

    /** The first page of a customer's orders, by {@link ChildPage}. */
    public static final String CUSTOMER_ORDERS = "customerOrders";

    /** The first page of a product's stock ledger, by {@link ChildPage}. */
    public static final String STOCK_ADJUSTMENTS = "stockAdjustments";

    private Loaders() {}

    /**
     * The key of a nested list: whose list ({@code parent}) and the field's arguments. Keys with the same
     * arguments and no cursor are answered together, in one statement.
     */
    public record ChildPage(UUID parent, Map<String, Object> arguments) {

        /** The page size when a field's {@code first} is not given; the schema says the same. */
        public static final int DEFAULT_FIRST = 20;

        public ChildPage {
            arguments = Map.copyOf(arguments);
        }

        /** The key of {@code parent}'s list with these arguments; those given as null count as not given. */
        public static ChildPage of(UUID parent, Map<String, ? extends @Nullable Object> arguments) {
            var given = new HashMap<String, Object>();
            arguments.forEach((name, value) -> {
                if (value != null) {
                    given.put(name, value);
                }
            });
            return new ChildPage(parent, given);
        }

        public int first() {
            return arguments.get("first") instanceof Integer first ? first : DEFAULT_FIRST;
        }

        public @Nullable String after() {
            return arguments.get("after") instanceof String after ? after : null;
        }
    }
}
