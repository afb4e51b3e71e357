package dev.stockroom.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** GraphQL requests over HTTP: {@code POST /graphql} with a query and its variables. */
public final class GraphQl {

    private GraphQl() {}

    public static Response query(Api api, String query) {
        return query(api, query, Map.of());
    }

    public static Response query(Api api, String query, Map<String, ?> variables) {
        return call(api, query, variables).send();
    }

    /** The request, for adding headers (an {@code Idempotency-Key}, say) before sending it. */
    public static Api.Call call(Api api, String query, Map<String, ?> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        body.put("variables", variables);
        return api.post("/graphql", body);
    }
}
