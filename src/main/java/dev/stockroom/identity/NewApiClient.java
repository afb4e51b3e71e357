package dev.stockroom.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What it takes to register an API client; the service makes its id and secret. */
public record NewApiClient(
        String name,
        Set<String> scopes,
        List<String> redirectUris,
        @Nullable UUID customerId) {}
