package dev.stockroom.shared.graphql;

import dev.stockroom.shared.security.Caller;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * {@code @scope(name: "orders:read")} on a field of the schema: the field's data fetcher runs only for a token
 * that carries the scope, as its REST twin's {@code @RequiresScope}. Otherwise the field is null with a
 * FORBIDDEN error ({@link ScopeMissing}), and nothing behind it is read.
 */
final class ScopeDirective implements SchemaDirectiveWiring {

    static final String NAME = "scope";

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
        var directive = environment.getAppliedDirective(NAME);
        String scope = Objects.requireNonNull(directive.getArgument("name").getValue());
        DataFetcher<?> fetcher = environment.getFieldDataFetcher();
        environment.setFieldDataFetcher(
                fetcher instanceof SelfDescribingDataFetcher<?> described
                        ? new Described<>(described, scope)
                        : field -> {
                            check(scope);
                            return fetcher.get(field);
                        });
        return environment.getElement();
    }

    private static void check(String scope) {
        if (!Caller.current().scopes().contains(scope)) {
            throw new ScopeMissing(scope);
        }
    }

    /**
     * A controller method's fetcher, guarded, still describing itself, so that Spring's schema inspection checks
     * its arguments and return type as it checks every other's.
     */
    private record Described<T>(SelfDescribingDataFetcher<T> fetcher, String scope)
            implements SelfDescribingDataFetcher<T> {

        @Override
        public @Nullable T get(DataFetchingEnvironment environment) throws Exception {
            check(scope);
            return fetcher.get(environment);
        }

        @Override
        public String getDescription() {
            return fetcher.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return fetcher.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return fetcher.getArguments();
        }

        @Override
        public @Nullable Method asMethod() {
            return fetcher.asMethod();
        }

        @Override
        public boolean usesDataLoader() {
            return fetcher.usesDataLoader();
        }
    }

    /** The token does not carry the scope a field needs. */
    static final class ScopeMissing extends RuntimeException {

        private final String scope;

        ScopeMissing(String scope) {
            super("The access token does not carry the scope this field needs: " + scope + ".", null, false, false);
            this.scope = scope;
        }

        String scope() {
            return scope;
        }
    }
}
