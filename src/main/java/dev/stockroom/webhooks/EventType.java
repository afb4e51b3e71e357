package dev.stockroom.webhooks;

import dev.stockroom.shared.WireValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types a subscription can ask for, by their published names, and the test event. */
public enum EventType implements WireValue {
    PRODUCT_CREATED("product.created"),
    PRODUCT_UPDATED("product.updated"),
    PRODUCT_DELETED("product.deleted"),
    STOCK_ADJUSTED("stock.adjusted"),
    STOCK_LOW("stock.low"),
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_UPDATED("customer.updated"),
    CUSTOMER_DELETED("customer.deleted"),
    ORDER_PLACED("order.placed"),
    ORDER_CONFIRMED("order.confirmed"),
    ORDER_SHIPPED("order.shipped"),
    ORDER_DELIVERED("order.delivered"),
    ORDER_CANCELLED("order.cancelled"),
    /** Sent only by {@code POST /v1/webhook-subscriptions/{id}/test}; nobody subscribes to it. */
    TEST("webhook.test");

    /** What {@code event_types} may hold besides the published names: every published type. */
    public static final String ALL = "*";

    private final String name;

    EventType(String name) {
        this.name = name;
    }

    @Override
    public String wireValue() {
        return name;
    }

    /** The types a subscription may name, in the order the documentation lists them. */
    public static List<EventType> published() {
        return Arrays.stream(values()).filter(type -> type != TEST).toList();
    }

    public static Optional<EventType> of(String name) {
        return WireValue.parse(EventType.class, name).filter(type -> type != TEST);
    }
}
