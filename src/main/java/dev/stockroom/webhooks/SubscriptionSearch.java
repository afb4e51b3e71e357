package dev.stockroom.webhooks;

import dev.stockroom.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;

/** A page of subscriptions, in creation order. */
public record SubscriptionSearch(int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "webhook-subscriptions";
    }
}
