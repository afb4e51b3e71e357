package dev.stockroom.customers.web;

import dev.stockroom.customers.NewCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/customers}. */
@Schema(name = "CreateCustomerRequest", description = "A new customer.")
record CreateCustomerRequest(
        @Schema(
                description = "Name, 1 to 200 characters.",
                example = "Ada Lovelace",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) @Nullable String name,

        @Schema(
                description = "Email address; unique, case-insensitive.",
                example = "ada@example.com",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Email @Size(max = 254) @Nullable String email,

        @Schema(description = "Phone number, optional.", example = "+44 20 7946 0018")
        @Pattern(regexp = CustomerRequests.PHONE, message = "must be a phone number (digits, spaces, +()-)")
        @Nullable String phone,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid @Nullable AddressFields shippingAddress) {

    @SuppressWarnings("NullAway")
    NewCustomer toCommand() {
        return new NewCustomer(name, email, phone, shippingAddress.toAddress());
    }
}
