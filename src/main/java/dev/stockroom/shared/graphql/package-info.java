/**
 * GraphQL beside REST ({@code POST /graphql}): what every module's GraphQL controllers share. The scalars
 * ({@link Scalars}), the {@code @scope} directive that guards a field with its REST twin's scope ({@link
 * ScopeDirective}), Relay connections over the REST keyset pages ({@link Connection}), the names of the batch
 * loaders modules share ({@link Loaders}), the limits a query must stay within before it runs ({@link
 * QueryLimits}) and the one error model, refusals as problem details in {@code extensions} ({@link
 * GraphQlErrors}). The schema is committed under {@code src/main/resources/graphql/}, a file per module.
 */
@NullMarked
package dev.stockroom.shared.graphql;

import org.jspecify.annotations.NullMarked;
