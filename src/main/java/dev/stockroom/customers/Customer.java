package dev.stockroom.customers;

import dev.stockroom.shared.EmailAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer. Immutable: a change returns a new version (the version is the ETag), and a change that changes
 * nothing returns the same instance so the version does not move. The email is kept as an {@link
 * EmailAddress} (one normal form, so look-alike spellings are the same address) and is unique.
 */
public final class Customer {

    private final CustomerId id;
    private final String name;
    private final String email;
    private final @Nullable String phone;
    private final ShippingAddress shippingAddress;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Customer(
            CustomerId id,
            String name,
            String email,
            @Nullable String phone,
            ShippingAddress shippingAddress,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.shippingAddress = shippingAddress;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Customer create(NewCustomer request, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Customer(
                CustomerId.newId(),
                request.name(),
                new EmailAddress(request.email()).value(),
                request.phone(),
                request.shippingAddress(),
                1,
                at,
                at);
    }

    public static Customer restore(
            CustomerId id,
            String name,
            String email,
            @Nullable String phone,
            ShippingAddress shippingAddress,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        return new Customer(id, name, email, phone, shippingAddress, version, createdAt, updatedAt);
    }

    public Customer apply(CustomerChanges changes, Instant now) {
        var changed = new Customer(
                id,
                changes.name() != null ? changes.name() : name,
                changes.email() != null ? new EmailAddress(changes.email()).value() : email,
                changes.phoneSent() ? changes.phone() : phone,
                changes.address() != null ? changes.address().applyTo(shippingAddress) : shippingAddress,
                version + 1,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS));
        boolean same = changed.name.equals(name)
                && changed.email.equals(email)
                && Objects.equals(changed.phone, phone)
                && changed.shippingAddress.equals(shippingAddress);
        return same ? this : changed;
    }

    public CustomerId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public @Nullable String phone() {
        return phone;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
