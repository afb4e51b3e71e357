package dev.stockroom.shared.graphql;

import dev.stockroom.shared.web.InputBounds;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a query may cost, checked before any of it runs: its depth, its complexity (a field costs one, and a list
 * field with {@code first} costs {@code first} times what each of its items selects) and each {@code first}
 * (1 to 100). A query past a limit is refused whole with one error ({@code extensions.code} QUERY_TOO_DEEP,
 * QUERY_TOO_COMPLEX or BAD_USER_INPUT) and nothing is read. A query that runs past the timeout gets no further
 * fields fetched: each answers TIMEOUT. A mutation request with an {@code Idempotency-Key} holds one mutation:
 * the key's record commits with its effect, or neither does. The document's size is bounded when it is parsed ({@link
 * GraphQlConfiguration}).
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    /** Set in the GraphQL context of a request that carries an {@code Idempotency-Key} ({@link GraphQlConfiguration}). */
    static final String KEYED = QueryLimits.class.getName() + ".keyed";

    private final GraphQlProperties limits;
    private final Clock clock;

    QueryLimits(GraphQlProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** When the query must have finished by. */
    private record Deadline(Instant at) implements InstrumentationState {}

    @Override
    public @Nullable InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(clock.instant().plus(limits.timeout()));
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        var operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                context.getGraphQLSchema(),
                context.getOperationDefinition(),
                context.getFragmentsByName(),
                context.getCoercedVariables());
        if (Boolean.TRUE.equals(context.getGraphQLContext().get(KEYED))
                && context.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                && operation.getTopLevelFields().size() != 1) {
            throw refused(
                    "BAD_USER_INPUT",
                    "An Idempotency-Key covers one mutation: send each mutation in a request of its own.",
                    Map.of("header", "Idempotency-Key"));
        }
        int depth = 0;
        long complexity = 0;
        for (var field : operation.getTopLevelFields()) {
            checkArguments(field);
            depth = Math.max(depth, depth(field));
            complexity = Math.min(Long.MAX_VALUE / 2, complexity + complexity(field));
        }
        if (depth > limits.maxDepth()) {
            throw refused(
                    "QUERY_TOO_DEEP",
                    "The query nests %d levels deep; at most %d are allowed.".formatted(depth, limits.maxDepth()),
                    Map.of("depth", depth, "max_depth", limits.maxDepth()));
        }
        if (complexity > limits.maxComplexity()) {
            throw refused(
                    "QUERY_TOO_COMPLEX",
                    "The query could read %d fields; at most %d are allowed. Ask for fewer items (first) or fewer nested lists."
                            .formatted(complexity, limits.maxComplexity()),
                    Map.of("complexity", complexity, "max_complexity", limits.maxComplexity()));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
            return fetcher;
        }
        return environment -> {
            if (clock.instant().isAfter(deadline.at())) {
                throw new QueryTimedOut(limits.timeout().toMillis());
            }
            return fetcher.get(environment);
        };
    }

    private static int depth(ExecutableNormalizedField field) {
        int below = 0;
        for (var child : field.getChildren()) {
            checkArguments(child);
            below = Math.max(below, depth(child));
        }
        return 1 + below;
    }

    private static long complexity(ExecutableNormalizedField field) {
        long children = 0;
        for (var child : field.getChildren()) {
            children = Math.min(Long.MAX_VALUE / 2, children + complexity(child));
        }
        if (field.getResolvedArguments().get("first") instanceof Integer first) {
            return 1 + Math.max(first, 1) * children;
        }
        return 1 + children;
    }

    /**
     * Every text in the field's arguments, nested inputs and lists included, is text PostgreSQL can store and
     * compare ({@link InputBounds#check(String, boolean)}): a query literal does not pass through the request body's
     * checks as a variable does.
     */
    private static void checkText(ExecutableNormalizedField field) {
        field.getResolvedArguments().forEach((name, value) -> checkText(field, name, value));
    }

    private static void checkText(ExecutableNormalizedField field, String argument, @Nullable Object value) {
        if (value instanceof String text) {
            var violation = InputBounds.check(text, true);
            if (violation != null) {
                throw refused(
                        "BAD_USER_INPUT",
                        "%s of %s %s.".formatted(argument, field.getName(), violation.detail()),
                        Map.of("argument", argument, "field", field.getName(), "reason", violation.code()));
            }
        } else if (value instanceof Map<?, ?> input) {
            input.forEach((name, member) -> checkText(field, argument + "." + name, member));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> checkText(field, argument, item));
        }
    }

    /** The field's arguments: {@code first} within its range, and every text one PostgreSQL can hold. */
    private static void checkArguments(ExecutableNormalizedField field) {
        checkText(field);
        if (field.getResolvedArguments().get("first") instanceof Integer first
                && (first < 1 || first > InvalidArgument.MAX_FIRST)) {
            throw refused(
                    "BAD_USER_INPUT",
                    "first must be between 1 and %d (%s asks for %d)."
                            .formatted(InvalidArgument.MAX_FIRST, field.getName(), first),
                    Map.of("argument", "first", "field", field.getName()));
        }
    }

    private static AbortExecutionException refused(String code, String message, Map<String, Object> details) {
        var extensions = new java.util.LinkedHashMap<String, Object>();
        extensions.put("code", code);
        extensions.putAll(details);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(Refused.INSTANCE)
                .message(message)
                .extensions(extensions)
                .build();
        return new AbortExecutionException(List.of(error));
    }

    private enum Refused implements ErrorClassification {
        INSTANCE
    }

    /** The query ran past its time; the fields not yet fetched are not. */
    static final class QueryTimedOut extends RuntimeException {
        QueryTimedOut(long millis) {
            super(
                    "The query ran longer than " + millis + " ms; the fields not yet fetched were left out.",
                    null,
                    false,
                    false);
        }
    }
}
