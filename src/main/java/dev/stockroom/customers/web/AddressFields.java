package dev.stockroom.customers.web;

import dev.stockroom.customers.ShippingAddress;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A shipping address, in requests and responses. */
@Schema(name = "ShippingAddress", description = "Where a customer's orders go.")
record AddressFields(
        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "One to three address lines.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "221B Baker Street", maxLength = 200))
        @NotNull @Size(min = 1, max = 3) @Nullable List<@NotBlank @Size(max = 200) String> lines,

        @Schema(description = "City.", example = "London", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 100) @Nullable String city,

        @Schema(description = "Postal code.", example = "NW1 6XE", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 20) @Nullable String postalCode,

        @Schema(
                description = "ISO 3166-1 alpha-2 country code, upper case.",
                example = "GB",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @CountryCode
        @Nullable String country) {

    @SuppressWarnings("NullAway")
    ShippingAddress toAddress() {
        return new ShippingAddress(lines, city, postalCode, country);
    }

    static AddressFields from(ShippingAddress address) {
        return new AddressFields(address.lines(), address.city(), address.postalCode(), address.country());
    }
}
