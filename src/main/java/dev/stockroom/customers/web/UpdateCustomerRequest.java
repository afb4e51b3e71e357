package dev.stockroom.customers.web;

import dev.stockroom.customers.CustomerChanges;
import dev.stockroom.shared.web.PresentIfSent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /v1/customers/{id}} (JSON merge patch): only the members sent change; the phone may
 * be cleared with null, nothing else may be null; address members merge into the current address.
 */
@Schema(name = "UpdateCustomerRequest", description = "The fields of a customer to change; every field is optional.")
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record UpdateCustomerRequest(
        @Schema(description = "New name.", example = "Ada King") @PresentIfSent @Nullable Optional<@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String> name,

        @Schema(description = "New email address.", example = "ada.king@example.com") @PresentIfSent @Nullable Optional<@Email @Size(min = 3, max = 254) String> email,

        @Schema(description = "New phone number; null clears it.", example = "+44 20 7946 0019") @Nullable Optional<
                        @Pattern(
                                regexp = CustomerRequests.PHONE,
                                message = "must be a phone number (digits, spaces, +()-)")
                        String>
                phone,

        @PresentIfSent @Nullable Optional<@Valid AddressPatch> shippingAddress) {

    CustomerChanges toChanges() {
        return new CustomerChanges(
                name == null ? null : name.orElseThrow(),
                email == null ? null : email.orElseThrow(),
                phone != null,
                phone == null ? null : phone.orElse(null),
                shippingAddress == null ? null : shippingAddress.orElseThrow().toChanges());
    }

    /** Members of the shipping address to change. */
    @Schema(name = "ShippingAddressPatch", description = "Members of the shipping address to change.")
    record AddressPatch(
            @Schema(description = "New address lines (replace all lines).", example = "[\"10 Downing Street\"]")
            @PresentIfSent
            @Nullable Optional<@Size(min = 1, max = 3) List<@NotBlank @Size(max = 200) String>> lines,

            @Schema(description = "New city.", example = "London") @PresentIfSent @Nullable Optional<@NotBlank @Size(max = 100) String> city,

            @Schema(description = "New postal code.", example = "SW1A 2AA") @PresentIfSent @Nullable Optional<@NotBlank @Size(max = 20) String> postalCode,

            @Schema(description = "New ISO 3166-1 alpha-2 country code.", example = "GB") @PresentIfSent @Nullable Optional<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @CountryCode String>
                    country) {

        CustomerChanges.AddressChanges toChanges() {
            return new CustomerChanges.AddressChanges(
                    lines == null ? null : lines.orElseThrow(),
                    city == null ? null : city.orElseThrow(),
                    postalCode == null ? null : postalCode.orElseThrow(),
                    country == null ? null : country.orElseThrow());
        }
    }
}
