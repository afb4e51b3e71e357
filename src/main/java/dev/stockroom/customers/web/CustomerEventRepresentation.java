package dev.stockroom.customers.web;

import dev.stockroom.customers.CustomerCreated;
import dev.stockroom.customers.CustomerDeleted;
import dev.stockroom.customers.CustomerEvent;
import dev.stockroom.customers.CustomerUpdated;
import dev.stockroom.shared.events.EventRepresentation;
import dev.stockroom.shared.security.Caller;
import org.springframework.stereotype.Component;

/** A customer event's resource as {@code /v1/customers} answers it. */
@Component
class CustomerEventRepresentation implements EventRepresentation<CustomerEvent> {

    @Override
    public Class<CustomerEvent> eventType() {
        return CustomerEvent.class;
    }

    @Override
    public Object represent(CustomerEvent event, Caller audience) {
        return switch (event) {
            case CustomerCreated created -> CustomerResponse.from(created.customer());
            case CustomerUpdated updated -> CustomerResponse.from(updated.after());
            case CustomerDeleted deleted -> CustomerResponse.from(deleted.customer());
        };
    }
}
