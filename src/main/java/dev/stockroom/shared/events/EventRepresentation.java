package dev.stockroom.shared.events;

import dev.stockroom.shared.security.Caller;

/**
 * How a module's HTTP edge represents the resource one of its events is about: the same record the REST API
 * answers with, so a webhook's {@code data} has the shape and field names a partner already knows. Each module's
 * {@code web} package declares one as a bean for its events; whoever sends events outside looks them up here
 * instead of depending on the modules' web code.
 *
 * @param <E> the events this represents
 */
public interface EventRepresentation<E> {

    Class<E> eventType();

    /**
     * The resource as the REST API would answer {@code audience} at the moment of the event: for a deletion, as
     * it was just before.
     */
    Object represent(E event, Caller audience);
}
