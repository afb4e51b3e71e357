package dev.stockroom.shared.graphql;

import dev.stockroom.shared.security.Caller;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.Objects;

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
        DataFetcher<?> guarded = field -> {
            if (!Caller.current().scopes().contains(scope)) {
                throw new ScopeMissing(scope);
            }
            return fetcher.get(field);
        };
        environment.setFieldDataFetcher(guarded);
        return environment.getElement();
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
