package dev.stockroom.ordering;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of an order's history: the status it entered, when, who moved it, and why if they said. */
public record StatusChange(
        OrderStatus status, Instant at, String by, @Nullable String reason) {}
