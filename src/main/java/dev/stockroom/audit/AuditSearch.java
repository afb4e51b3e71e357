package dev.stockroom.audit;

import dev.stockroom.shared.paging.PageQuery;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A page request over the audit log; every filter is optional. */
public record AuditSearch(
        @Nullable String resourceType,
        @Nullable String resourceId,
        @Nullable String actor,
        @Nullable String action,
        @Nullable Instant since,
        @Nullable Instant until,
        int limit,
        @Nullable String cursor)
        implements PageQuery {

    @Override
    public String fingerprint() {
        return String.join(
                "|",
                "audit",
                String.valueOf(resourceType),
                String.valueOf(resourceId),
                String.valueOf(actor),
                String.valueOf(action),
                String.valueOf(since),
                String.valueOf(until));
    }
}
