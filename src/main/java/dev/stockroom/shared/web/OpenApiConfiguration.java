package dev.stockroom.shared.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.stockroom.shared.idempotency.IdempotencyHeaders;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.RequiresToken;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI document at {@code /openapi.json}. Controllers declare their success responses and the errors
 * specific to them; this adds the errors every operation of a kind can answer (a body can be malformed, a path
 * id unknown, an {@code If-Match} stale...) and gives every error response the problem schema, so no
 * operation documents less than it can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String SECURITY_SCHEME = "oauth2";

    /** What each error status means when the operation does not say more. */
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("400", "Malformed request: the body is not well-formed JSON."),
            Map.entry(
                    "401",
                    "No valid access token (missing, malformed, expired, badly signed, or for another issuer or"
                            + " audience); `WWW-Authenticate: Bearer error=\"invalid_token\"`."),
            Map.entry(
                    "403",
                    "The access token lacks the scope this operation needs; `WWW-Authenticate: Bearer"
                            + " error=\"insufficient_scope\"`."),
            Map.entry("404", "No resource exists at this address (unknown or malformed id)."),
            Map.entry("406", "None of the media types in `Accept` can be produced."),
            Map.entry("409", "The request conflicts with the current state."),
            Map.entry("412", "`If-Match` does not name the current ETag; nothing changed."),
            Map.entry("413", "The request body is larger than 1 MiB."),
            Map.entry("415", "The `Content-Type` is not supported here."),
            Map.entry(
                    "422",
                    "Validation failed: every invalid field is listed in `errors` (unknown or wrongly typed JSON"
                            + " members too)."),
            Map.entry(
                    "429",
                    "Over the rate limit of the caller's client (of its address, without a token); try again after"
                            + " `Retry-After` seconds. Every answer says the policy and what is left:"
                            + " `RateLimit-Policy: \"default\";q=100;w=1`, `RateLimit: \"default\";r=42;t=1`."),
            Map.entry("500", "Unexpected error; the body reveals nothing internal, the logs have the request id."),
            Map.entry(
                    "503",
                    "The instance is at capacity (load shedding) and answered at once; try again after"
                            + " `Retry-After` seconds."));

    /**
     * Schemas in snake_case, as the API speaks: springdoc describes types with Jackson 2, which does not see
     * the application's Jackson 3 naming strategy.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI stockroomOpenApi(@Value("${stockroom.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Stockroom API")
                        .version(version)
                        .description("Inventory and ordering. Errors are RFC 9457 problem details (`"
                                + PROBLEM_JSON
                                + "`); JSON members are snake_case; lists use cursor pagination."))
                .servers(List.of(new Server().url("/").description("This server")))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, oauth2()));
    }

    /** Declares each operation's scope, from the same annotation {@code ScopeCheck} enforces. */
    @Bean
    OperationCustomizer scopeRequirements() {
        return (operation, handlerMethod) -> {
            var scope = handlerMethod.getMethodAnnotation(RequiresScope.class);
            if (scope != null) {
                operation.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME, scope.value()));
            } else if (handlerMethod.hasMethodAnnotation(RequiresToken.class)) {
                operation.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME, List.of()));
            }
            return operation;
        };
    }

    private static SecurityScheme oauth2() {
        var scopes = new Scopes();
        dev.stockroom.shared.security.Scopes.ALL.forEach(
                scope -> scopes.addString(scope, dev.stockroom.shared.security.Scopes.describe(scope)));
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("OAuth 2.0: authorization code with PKCE (S256) for people, client credentials for"
                        + " machines. Access tokens are JWTs; send them as `Authorization: Bearer <token>`.")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow()
                                .authorizationUrl("/oauth2/authorize")
                                .tokenUrl("/oauth2/token")
                                .refreshUrl("/oauth2/token")
                                .scopes(scopes))
                        .clientCredentials(
                                new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes)));
    }

    /**
     * The operation groups in the order a reader needs them: what the business runs on first, then partner
     * integration, then administration. Swagger UI and ReDoc show tags in the document's order.
     */
    static final List<String> TAG_ORDER =
            List.of("Products", "Customers", "Orders", "Webhooks", "API clients", "Users", "Signing keys", "Audit log");

    @Bean
    OpenApiCustomizer tagOrder() {
        return openApi -> {
            if (openApi.getTags() == null) {
                return;
            }
            var tags = new java.util.ArrayList<>(openApi.getTags());
            tags.sort(java.util.Comparator.comparingInt((io.swagger.v3.oas.models.tags.Tag tag) -> {
                        int place = TAG_ORDER.indexOf(tag.getName());
                        return place < 0 ? TAG_ORDER.size() : place;
                    })
                    .thenComparing(io.swagger.v3.oas.models.tags.Tag::getName));
            openApi.setTags(tags);
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            var schemas = ModelConverters.getInstance(true).readAll(new AnnotatedType(ProblemDocument.class));
            schemas.forEach(openApi.getComponents()::addSchemas);
            sortSchemas(openApi.getComponents());
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> addErrors(path, method, operation)));
        };
    }

    @SuppressWarnings("rawtypes") // the swagger model's own signature
    private static void sortSchemas(Components components) {
        components.setSchemas(new TreeMap<String, Schema>(components.getSchemas()));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.POST && path.startsWith("/v1/")) {
            operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                    .name(IdempotencyHeaders.KEY)
                    .description("1 to 255 characters. Retrying with the same key and body replays the first"
                            + " successful response (with `Idempotent-Replayed: true`) and does nothing again; the same"
                            + " key with another body answers 422, and while the first request still runs, 409."
                            + " Keys are per client and kept at least 24 hours.")
                    .required(false)
                    .schema(new io.swagger.v3.oas.models.media.StringSchema()
                            .minLength(1)
                            .maxLength(255))
                    .example("3f9c2d1e-order-2026-11-27"));
        }
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        boolean hasIfMatch = parameters.stream()
                .anyMatch(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
        var security = operation.getSecurity() == null ? List.<SecurityRequirement>of() : operation.getSecurity();
        if (!security.isEmpty()) {
            responses.putIfAbsent("401", new ApiResponse());
        }
        if (security.stream()
                .anyMatch(requirement -> requirement.values().stream().anyMatch(s -> !s.isEmpty()))) {
            responses.putIfAbsent("403", new ApiResponse());
        }
        if (hasBody) {
            List.of("400", "413", "415", "422").forEach(code -> responses.putIfAbsent(code, new ApiResponse()));
        }
        if (hasQuery) {
            responses.putIfAbsent("422", new ApiResponse());
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        if (hasIfMatch) {
            responses.putIfAbsent("412", new ApiResponse());
        }
        responses.putIfAbsent("406", new ApiResponse());
        responses.putIfAbsent("429", new ApiResponse());
        responses.putIfAbsent("500", new ApiResponse());
        responses.putIfAbsent("503", new ApiResponse());
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null
                        || response.getDescription().isBlank()) {
                    response.setDescription(GENERIC.getOrDefault(code, "Error."));
                }
                response.setContent(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
        var ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }
}
