package dev.stockroom.webhooks;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A merge patch of a subscription: null leaves a field as it is; an empty {@code description} removes it.
 */
public record SubscriptionChanges(
        @Nullable String url,
        @Nullable List<String> eventTypes,
        @Nullable Optional<String> description,
        @Nullable Boolean enabled) {}
