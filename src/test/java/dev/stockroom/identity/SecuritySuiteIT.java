package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.RequiresToken;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiOperations;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the published contract, checked for its access rule: without a token it answers 401, with a
 * token lacking its declared scope 403, and with a token holding the scope the request gets through. An
 * endpoint without a declared rule fails the suite, in the spec and in the code.
 */
@ApiTest
class SecuritySuiteIT {

    private static final Map<String, String> TOKENS_WITHOUT = new HashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Autowired
    Api api;

    @Test
    void everyOperationInTheSpecDeclaresItsAccessRule() {
        var missing = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            if (operation.path("security").isEmpty()) {
                missing.add(method + " " + path);
            }
        });
        assertThat(missing).as("operations without a security requirement").isEmpty();
    }

    @Test
    void everyV1HandlerDeclaresAScopeOrRequiresAToken() {
        var missing = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean v1 = info.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/v1"));
            if (v1
                    && !handler.hasMethodAnnotation(RequiresScope.class)
                    && !handler.hasMethodAnnotation(RequiresToken.class)) {
                missing.add(info.toString());
            }
        });
        assertThat(missing)
                .as("/v1 handlers without @RequiresScope or @RequiresToken")
                .isEmpty();
    }

    @Test
    void withoutATokenEveryOperationAnswers401() {
        var anonymous = api.anonymous();
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            var response = call(anonymous, method, path, operation);
            if (response.status() != 401
                    || !String.valueOf(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"")
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(method + " " + path + " -> " + response.status());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTokenWithoutTheDeclaredScopeAnswers403() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            String scope = declaredScope(operation);
            if (scope == null) {
                return;
            }
            var response = call(api.withToken(tokenWithout(scope)), method, path, operation);
            if (response.status() != 403
                    || !String.valueOf(response.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
                    || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(method + " " + path + " without " + scope + " -> " + response.status());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTokenWithOnlyTheDeclaredScopeGetsThrough() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            String scope = declaredScope(operation);
            var caller = scope == null ? api : api.withToken(tokenWithOnly(scope));
            var response = call(caller, method, path, operation);
            if (response.status() == 401 || response.status() == 403) {
                wrong.add(method + " " + path + " with " + scope + " -> " + response.status());
            }
        });
        assertThat(wrong).isEmpty();
    }

    private Response call(Api caller, String method, String path, JsonNode operation) {
        String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        boolean hasBody = operation.has("requestBody");
        var call = caller.request(method, concrete, hasBody ? BodyPublishers.ofString("{}") : BodyPublishers.noBody());
        if (hasBody) {
            call.header("Content-Type", "application/json");
        }
        return call.send();
    }

    private String tokenWithout(String scope) {
        return TOKENS_WITHOUT.computeIfAbsent(api.port() + scope, key -> {
            var others = Scopes.ALL.stream().filter(s -> !s.equals(scope)).toList();
            return tokenFor(others);
        });
    }

    private String tokenWithOnly(String scope) {
        return TOKENS_WITHOUT.computeIfAbsent(api.port() + "only " + scope, key -> tokenFor(List.of(scope)));
    }

    private String tokenFor(List<String> scopes) {
        var created = api.post("/v1/clients", Map.of("name", "suite " + scopes, "scopes", scopes))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return api.anonymous().clientToken(created.at("/client_id"), created.at("/client_secret"), null);
    }

    private static String declaredScope(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode scopes : requirement) {
                if (!scopes.isEmpty()) {
                    return scopes.get(0).asString();
                }
            }
        }
        return null;
    }

    private void forEachOperation(ApiOperations.Visitor visitor) {
        ApiOperations.forEach(ApiOperations.spec(api), visitor);
    }
}
