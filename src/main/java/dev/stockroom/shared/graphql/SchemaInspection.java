package dev.stockroom.shared.graphql;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SchemaReport;

/** The last report of Spring's schema inspection: what in the schema no controller maps, and the reverse. */
public final class SchemaInspection {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private volatile @Nullable SchemaReport report;

    void accept(SchemaReport report) {
        this.report = report;
        if (!report.unmappedFields().isEmpty()
                || !report.unmappedArguments().isEmpty()
                || !report.unmappedRegistrations().isEmpty()) {
            log.warn("The GraphQL schema and its controllers disagree: {}", report);
        }
    }

    public @Nullable SchemaReport report() {
        return report;
    }
}
