package dev.stockroom.customers;

import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.BoundClientRefused;
import dev.stockroom.shared.security.Caller;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers module's public API. Object-level access is decided here, not at the web edge: a caller bound
 * to a customer (a partner client) sees and changes only that customer, everything else is "not found" to it
 * (never "forbidden", which would confirm it exists), and it cannot create or delete customers.
 */
@Service
public class Customers {

    private final CustomerRepository customers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Customers(CustomerRepository customers, Clock clock, ApplicationEventPublisher events) {
        this.customers = customers;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Customer create(NewCustomer request, Caller caller) {
        if (caller.boundCustomer().isPresent()) {
            throw BoundClientRefused.because("A client bound to a customer may read and change only that customer.");
        }
        var customer = Customer.create(request, clock.instant());
        customers.insert(customer);
        events.publishEvent(new CustomerCreated(customer));
        return customer;
    }

    @Transactional(readOnly = true)
    public Customer get(CustomerId id, Caller caller) {
        return visible(id, caller).flatMap(customers::findById).orElseThrow(() -> CustomerNotFound.withId(id));
    }

    /**
     * The customers with these ids that exist and the caller may see, in one statement (for batch loading); the
     * others are absent from the map.
     */
    public Map<CustomerId, Customer> getAll(Collection<CustomerId> ids, Caller caller) {
        var visible = ids.stream().filter(id -> visible(id, caller).isPresent()).toList();
        return customers.findAll(visible);
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(CustomerSearch search, Caller caller) {
        return customers.page(search, caller.customerId());
    }

    @Transactional
    public Customer change(CustomerId id, CustomerChanges changes, Precondition precondition, Caller caller) {
        var current = visible(id, caller)
                .flatMap(customers::findByIdForUpdate)
                .orElseThrow(() -> CustomerNotFound.withId(id));
        precondition.verify("customer", current.version());
        var changed = current.apply(changes, clock.instant());
        if (changed != current) {
            customers.update(changed);
            events.publishEvent(new CustomerUpdated(current, changed));
        }
        return changed;
    }

    /** Deletes a customer without orders; one with orders answers 409. */
    @Transactional
    public void delete(CustomerId id, Precondition precondition, Caller caller) {
        var current = visible(id, caller)
                .flatMap(customers::findByIdForUpdate)
                .orElseThrow(() -> CustomerNotFound.withId(id));
        if (caller.boundCustomer().isPresent()) {
            throw BoundClientRefused.because("A client bound to a customer may read and change only that customer.");
        }
        precondition.verify("customer", current.version());
        customers.delete(id);
        events.publishEvent(new CustomerDeleted(current));
    }

    /** Whether the customer exists and the caller may act for it. */
    @Transactional(readOnly = true)
    public boolean isVisible(CustomerId id, Caller caller) {
        return visible(id, caller).map(customers::exists).orElse(false);
    }

    /** Whether a customer with this id exists at all (for binding API clients to it). */
    @Transactional(readOnly = true)
    public boolean exists(CustomerId id) {
        return customers.exists(id);
    }

    private static Optional<CustomerId> visible(CustomerId id, Caller caller) {
        return caller.boundCustomer().map(bound -> bound.equals(id.value())).orElse(true)
                ? Optional.of(id)
                : Optional.empty();
    }
}
