package dev.stockroom.shared.graphql;

import dev.stockroom.shared.idempotency.IdempotencyHeaders;
import dev.stockroom.shared.web.Problems;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import graphql.schema.idl.RuntimeWiring;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * GraphQL at {@code POST /graphql} (Spring for GraphQL, schema-first): the scalars, the {@code @scope}
 * directive, the query limits, the error model, and the bounds of a document, which graphql-java checks while it
 * parses, so that an oversized document costs no more than reading it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer stockroomWiring() {
        return (RuntimeWiring.Builder wiring) -> wiring.scalar(Scalars.MONEY)
                .scalar(Scalars.DATE_TIME)
                .directive(ScopeDirective.NAME, new ScopeDirective());
    }

    /**
     * Keeps the report of Spring's schema inspection (fields without a fetcher, arguments no fetcher binds) and
     * warns at start-up when it finds any: the schema and the controllers must not drift apart.
     */
    @Bean
    SchemaInspection schemaInspection() {
        return new SchemaInspection();
    }

    @Bean
    GraphQlSourceBuilderCustomizer keepSchemaReport(SchemaInspection inspection) {
        return builder -> builder.inspectSchemaMappings(inspection::accept);
    }

    @Bean
    QueryLimits queryLimits(GraphQlProperties properties, Clock clock) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxCharacters(properties.maxDocumentCharacters())
                        .maxTokens(properties.maxDocumentTokens())));
        return new QueryLimits(properties, clock);
    }

    @Bean
    GraphQlErrors graphQlErrors(Problems problems) {
        return new GraphQlErrors(problems);
    }

    /**
     * Marks a request with an {@code Idempotency-Key} in its GraphQL context, for {@link QueryLimits}: such a
     * request may hold one mutation only.
     */
    @Bean
    WebGraphQlInterceptor idempotencyKeys() {
        return (request, chain) -> {
            if (request.getHeaders().containsHeader(IdempotencyHeaders.KEY)) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(QueryLimits.KEYED, true)).build());
            }
            return chain.next(request);
        };
    }

    /**
     * Every field runs on the request's own thread (a virtual thread already), not on one more of the task
     * executor's per field: then a request's fields share its transaction (an idempotent mutation's effect
     * commits with its key's record, {@code shared.idempotency}) and its logging and tracing context, and no
     * thread is handed over per field.
     */
    @Bean
    static BeanPostProcessor fieldsOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    /**
     * Every error carries {@code extensions.code}: the ones graphql-java makes itself (a document that does not
     * parse, or does not validate against the schema) get GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED.
     */
    @Bean
    WebGraphQlInterceptor errorCodes() {
        return (request, chain) -> chain.next(request).map(response -> {
            if (response.getErrors().stream()
                    .allMatch(error -> error.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(response.getErrors().stream()
                    .map(GraphQlConfiguration::withCode)
                    .toList()));
        });
    }

    private static GraphQLError withCode(ResponseError error) {
        if (error.getExtensions().containsKey("code")) {
            return toGraphQlError(error, error.getExtensions());
        }
        String code = switch (error.getErrorType().toString()) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            default -> "BAD_REQUEST";
        };
        var extensions = new LinkedHashMap<String, Object>(error.getExtensions());
        extensions.put("code", code);
        return toGraphQlError(error, extensions);
    }

    private static GraphQLError toGraphQlError(ResponseError error, Map<String, Object> extensions) {
        var builder = GraphqlErrorBuilder.newError()
                .message(String.valueOf(error.getMessage()))
                .errorType(error.getErrorType())
                .locations(error.getLocations())
                .extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
