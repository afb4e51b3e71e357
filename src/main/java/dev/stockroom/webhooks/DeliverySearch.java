package dev.stockroom.webhooks;

import dev.stockroom.shared.paging.PageQuery;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A page of one subscription's deliveries, newest first. */
public record DeliverySearch(
        UUID subscriptionId, int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "webhook-deliveries|" + subscriptionId;
    }
}
