package dev.stockroom.catalog;

import dev.stockroom.shared.WireValue;

/** The orders a product list can be sorted in; the id breaks ties so the order is total. */
public enum ProductSort implements WireValue {
    NAME("name", "name", false),
    NAME_DESC("-name", "name", true),
    PRICE("price", "price", false),
    PRICE_DESC("-price", "price", true),
    CREATED_AT("created_at", "created_at", false),
    CREATED_AT_DESC("-created_at", "created_at", true);

    private final String parameter;
    private final String column;
    private final boolean descending;

    ProductSort(String parameter, String column, boolean descending) {
        this.parameter = parameter;
        this.column = column;
        this.descending = descending;
    }

    @Override
    public String wireValue() {
        return parameter;
    }

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }
}
