package dev.stockroom.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a subscription is created with; {@code eventTypes} holds published type names or {@code *}. */
public record NewSubscription(
        String url, List<String> eventTypes, @Nullable String description) {}
