package dev.stockroom.webhooks;

import dev.stockroom.shared.DomainException;
import dev.stockroom.shared.WireValue;
import java.util.List;

/** {@code event_types} named a type that is not published; answered as 422 with the pointer of each. */
public final class UnknownEventTypes extends DomainException {

    private UnknownEventTypes(List<Object> errors) {
        super(Kind.UNPROCESSABLE, "Every event type must be a published one, or \"*\".");
        with("errors", errors);
    }

    static UnknownEventTypes at(List<Integer> indexes, List<String> types) {
        String allowed = WireValue.allowed(EventType.class).replace(", webhook.test", "") + " or *";
        return new UnknownEventTypes(indexes.stream()
                .map(index -> (Object) error(
                        "pointer",
                        "/event_types/" + index,
                        "'" + types.get(index) + "' is not one of " + allowed,
                        "pattern"))
                .toList());
    }
}
