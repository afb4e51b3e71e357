package dev.stockroom.customers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields a client asked to change (JSON merge patch); null means "not sent", except for the phone, which
 * may be cleared. Address members merge into the current address.
 */
public record CustomerChanges(
        @Nullable String name,
        @Nullable String email,
        boolean phoneSent,
        @Nullable String phone,
        @Nullable AddressChanges address) {

    /** Members of the shipping address to change; null means "keep". */
    public record AddressChanges(
            @Nullable List<String> lines,
            @Nullable String city,
            @Nullable String postalCode,
            @Nullable String country) {

        ShippingAddress applyTo(ShippingAddress current) {
            return new ShippingAddress(
                    lines != null ? lines : current.lines(),
                    city != null ? city : current.city(),
                    postalCode != null ? postalCode : current.postalCode(),
                    country != null ? country : current.country());
        }
    }
}
