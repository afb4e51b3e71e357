package dev.stockroom.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.shared.InvalidValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippingAddressTest {

    private static ShippingAddress anAddress() {
        return new ShippingAddress(List.of("221B Baker Street"), "London", "NW1 6XE", "GB");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThatThrownBy(() -> new ShippingAddress(List.of(), "London", "N1", "GB"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ShippingAddress(List.of("a", "b", "c", "d"), "London", "N1", "GB"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ShippingAddress(List.of("a"), " ", "N1", "GB"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ShippingAddress(List.of("a"), "London", "N1", "XX"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ShippingAddress(List.of("a"), "London", "N1", "gb"))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void addressChangesMergeIntoTheCurrentAddress() {
        var customer = Customer.create(
                new NewCustomer("Ada", "ADA@Example.com", null, anAddress()), Instant.parse("2026-01-01T00:00:00Z"));

        var moved = customer.apply(
                new CustomerChanges(
                        null, null, false, null, new CustomerChanges.AddressChanges(null, "Bath", null, null)),
                Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(customer.email()).isEqualTo("ada@example.com");
        assertThat(moved.shippingAddress().city()).isEqualTo("Bath");
        assertThat(moved.shippingAddress().lines()).containsExactly("221B Baker Street");
        assertThat(moved.version()).isEqualTo(2);
    }

    @Test
    void aChangeToTheSameValuesIsNoChange() {
        var customer = Customer.create(new NewCustomer("Ada", "ada@example.com", null, anAddress()), Instant.now());

        var same = customer.apply(new CustomerChanges("Ada", "ADA@example.com", true, null, null), Instant.now());

        assertThat(same).isSameAs(customer);
    }
}
