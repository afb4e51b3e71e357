package dev.stockroom.customers.web;

import dev.stockroom.customers.Customer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer as clients see it. */
@Schema(name = "Customer", description = "A customer.")
record CustomerResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier made by the server.",
                example = "7d1e3b8a-2f4c-4d6e-9a1b-3c5d7e9f1a2b")
        UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Name.", example = "Ada Lovelace")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Email address.",
                example = "ada@example.com")
        String email,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Phone number, or null.",
                example = "+44 20 7946 0018")
        @Nullable String phone,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AddressFields shippingAddress,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Version; the ETag is this number in quotes.",
                example = "1")
        long version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the customer was created (RFC 3339, UTC).",
                example = "2026-01-31T09:30:00Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the customer last changed (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant updatedAt) {

    static CustomerResponse from(Customer customer) {
        return new CustomerResponse(
                customer.id().value(),
                customer.name(),
                customer.email(),
                customer.phone(),
                AddressFields.from(customer.shippingAddress()),
                customer.version(),
                customer.createdAt(),
                customer.updatedAt());
    }
}
