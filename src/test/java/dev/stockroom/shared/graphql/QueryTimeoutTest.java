package dev.stockroom.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;

import dev.stockroom.shared.web.Problems;
import dev.stockroom.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * A query that runs past its time fetches no further field: each field not yet fetched is null with a TIMEOUT
 * error, the fields already fetched keep their values. The clock moves one second per reading; the limit is 1.5 s.
 */
class QueryTimeoutTest {

    @Test
    void fieldsFetchedAfterTheDeadlineAnswerTimeout() {
        var fetched = new AtomicInteger();
        var clock = MutableClock.ticking(Instant.EPOCH, Duration.ofSeconds(1));
        var limits = new GraphQlProperties(12, 20_000, 20_000, 2_000, Duration.ofMillis(1_500));
        var source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("type Query { a: String b: String c: String }".getBytes()))
                .configureRuntimeWiring(wiring -> wiring.type(
                        "Query",
                        type -> type.dataFetcher("a", env -> {
                                    fetched.incrementAndGet();
                                    return "A";
                                })
                                .dataFetcher("b", env -> {
                                    fetched.incrementAndGet();
                                    return "B";
                                })
                                .dataFetcher("c", env -> {
                                    fetched.incrementAndGet();
                                    return "C";
                                })))
                .instrumentation(List.of(new QueryLimits(limits, clock)))
                .exceptionResolvers(List.of(new GraphQlErrors(mock(Problems.class, CALLS_REAL_METHODS))))
                .build();

        var result = source.graphQl().execute("{ a b c }");

        Map<String, Object> data = result.getData();
        assertThat(data).containsEntry("a", "A").containsEntry("b", null).containsEntry("c", null);
        assertThat(fetched).hasValue(1);
        assertThat(result.getErrors()).hasSize(2).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "TIMEOUT").containsEntry("status", 503);
            assertThat(error.getMessage()).contains("longer than 1500 ms");
        });
    }
}
