package dev.stockroom.shared.graphql;

import dev.stockroom.shared.DomainException;
import dev.stockroom.shared.web.Problems;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one error model, in GraphQL: a field's refusal is the problem REST would answer, in the error's {@code
 * extensions} ({@code code}, {@code type}, {@code title}, {@code status} and the problem's own members, such as
 * {@code errors} with their pointers or {@code shortfalls}), its detail as the message, and the field null.
 * Anything unexpected is logged in full and answered with a message that reveals nothing of the internals.
 */
final class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final Problems problems;

    GraphQlErrors(Problems problems) {
        this.problems = problems;
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
        if (ex instanceof DomainException refusal) {
            var problem = problems.of(refusal);
            return error(environment, code(refusal.kind()), problem);
        }
        if (ex instanceof ScopeDirective.ScopeMissing missing) {
            var problem = problems.create(
                    HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden", String.valueOf(missing.getMessage()));
            problem.setProperty("scope", missing.scope());
            return error(environment, "FORBIDDEN", problem);
        }
        if (ex instanceof QueryLimits.QueryTimedOut timedOut) {
            var problem = problems.create(
                    HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Timed out", String.valueOf(timedOut.getMessage()));
            return error(environment, "TIMEOUT", problem);
        }
        log.error(
                "Unexpected error in GraphQL field {}",
                environment.getExecutionStepInfo().getPath(),
                ex);
        var problem = problems.forStatus(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the request id when you report it.");
        return error(environment, "INTERNAL_ERROR", problem);
    }

    private static String code(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "NOT_FOUND";
            case FORBIDDEN -> "FORBIDDEN";
            case CONFLICT -> "CONFLICT";
            case PRECONDITION_FAILED -> "PRECONDITION_FAILED";
            case UNPROCESSABLE -> "BAD_USER_INPUT";
        };
    }

    private static GraphQLError error(DataFetchingEnvironment environment, String code, ProblemDetail problem) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put("type", String.valueOf(problem.getType()));
        extensions.put("title", String.valueOf(problem.getTitle()));
        extensions.put("status", problem.getStatus());
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> {
                if (value != null) {
                    extensions.put(name, value);
                }
            });
        }
        return GraphqlErrorBuilder.newError(environment)
                .errorType(classification(code))
                .message(String.valueOf(problem.getDetail()))
                .extensions(extensions)
                .build();
    }

    private static ErrorType classification(String code) {
        return switch (code) {
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "BAD_USER_INPUT" -> ErrorType.BAD_REQUEST;
            case "INTERNAL_ERROR" -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
