package dev.stockroom.customers;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a customer the audit log records. */
final class CustomerAudit {

    private CustomerAudit() {}

    static Map<String, Object> fieldsOf(Customer customer) {
        var fields = new LinkedHashMap<String, Object>();
        var address = customer.shippingAddress();
        fields.put("name", customer.name());
        fields.put("email", customer.email());
        fields.put("phone", customer.phone());
        fields.put(
                "shipping_address",
                Map.of(
                        "lines", address.lines(),
                        "city", address.city(),
                        "postal_code", address.postalCode(),
                        "country", address.country()));
        return fields;
    }
}
