package dev.stockroom.ordering.web;

import dev.stockroom.ordering.OrderEvent;
import dev.stockroom.shared.events.EventRepresentation;
import dev.stockroom.shared.security.Caller;
import org.springframework.stereotype.Component;

/** An order event's resource as {@code /v1/orders} answers it to the audience (who may not see every actor). */
@Component
class OrderEventRepresentation implements EventRepresentation<OrderEvent> {

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public Object represent(OrderEvent event, Caller audience) {
        return OrderResponse.from(event.order(), audience);
    }
}
