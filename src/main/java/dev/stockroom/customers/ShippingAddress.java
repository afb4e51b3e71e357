package dev.stockroom.customers;

import dev.stockroom.shared.InvalidValue;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a customer's orders go: one to three address lines, a city, a postal code and an ISO 3166-1 alpha-2
 * country code (upper case).
 */
public record ShippingAddress(List<String> lines, String city, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ShippingAddress {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 3 || lines.stream().anyMatch(l -> l.isBlank() || l.length() > 200)) {
            throw InvalidValue.of("shipping_address/lines", "must be 1 to 3 non-blank lines of at most 200 characters");
        }
        if (city.isBlank() || city.length() > 100) {
            throw InvalidValue.of("shipping_address/city", "must be 1 to 100 characters");
        }
        if (postalCode.isBlank() || postalCode.length() > 20) {
            throw InvalidValue.of("shipping_address/postal_code", "must be 1 to 20 characters");
        }
        if (!isCountry(country)) {
            throw InvalidValue.of("shipping_address/country", "must be an ISO 3166-1 alpha-2 code");
        }
    }

    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }
}
