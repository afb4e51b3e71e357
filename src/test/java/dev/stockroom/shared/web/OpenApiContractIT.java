package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract cannot drift silently: the generated OpenAPI document must equal the committed
 * {@code openapi/openapi.json}. After a deliberate change, run {@code ./mvnw verify -Dopenapi.write=true} once
 * and commit the rewritten file with the change.
 */
@ApiTest
class OpenApiContractIT {

    static final Path COMMITTED = Path.of("openapi", "openapi.json");
    private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean");
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    Api api;

    @Test
    void generatedSpecMatchesTheCommittedOne() throws IOException {
        JsonNode generated = spec();
        String pretty = PRETTY.writeValueAsString(generated) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, pretty);
        }
        if (!Files.exists(COMMITTED)) {
            fail("%s is missing; run ./mvnw verify -Dopenapi.write=true and commit it", COMMITTED);
        }
        JsonNode committed = Api.JSON.readTree(Files.readString(COMMITTED));
        if (!committed.equals(generated)) {
            Path actual = Path.of("target", "openapi.generated.json");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, pretty);
            fail(
                    "The API contract changed: %s differs from %s. Review the difference; if it is intended, run"
                            + " ./mvnw verify -Dopenapi.write=true and commit %s.",
                    actual, COMMITTED, COMMITTED);
        }
    }

    /**
     * Generated clients name their methods after the operation ids, so every id is chosen (verb and resource, as
     * {@code listProducts}), not springdoc's default where names repeat: the Java method's name, numbered
     * ({@code list_2}) in an order that the next controller would change.
     */
    @Test
    void everyOperationHasAStableIdOfItsOwn() {
        var ids = new ArrayList<String>();
        spec().get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation ->
                                ids.add(operation.getValue().path("operationId").asString(""))));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]*"), "not numbered");
    }

    @Test
    void specIsOpenApi31() {
        assertThat(spec().get("openapi").asString()).startsWith("3.1");
    }

    @Test
    void everyOperationHasASummaryAndProblemErrors() {
        var problems = new ArrayList<String>();
        spec().get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode op = operation.getValue();
                    if (op.path("summary").asString("").isBlank()) {
                        problems.add(name + " has no summary");
                    }
                    var responses = op.get("responses");
                    for (String code : List.of("406", "500")) {
                        if (!responses.has(code)) {
                            problems.add(name + " does not document " + code);
                        }
                    }
                    responses.properties().forEach(response -> {
                        if (response.getKey().matches("[45]\\d\\d")) {
                            String ref = response.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString("");
                            if (!ref.equals("#/components/schemas/Problem")) {
                                problems.add(name + " " + response.getKey() + " is not a problem response");
                            }
                        }
                    });
                    op.path("parameters").forEach(parameter -> {
                        if (parameter.path("description").asString("").isBlank()) {
                            problems.add(
                                    name + " parameter " + parameter.get("name").asString() + " has no description");
                        }
                    });
                }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFieldHasADescriptionAndScalarsAnExample() {
        var problems = new ArrayList<String>();
        spec().at("/components/schemas")
                .properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(property -> {
                            String name = schema.getKey() + "." + property.getKey();
                            JsonNode field = property.getValue();
                            if (field.has("$ref")) {
                                return;
                            }
                            if (field.path("description").asString("").isBlank()) {
                                problems.add(name + " has no description");
                            }
                            if (isScalar(field) && !field.has("example")) {
                                problems.add(name + " has no example");
                            }
                        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void schemasUseSnakeCase() {
        var product = spec().at("/components/schemas/Product/properties");

        assertThat(product.has("in_stock")).isTrue();
        assertThat(product.has("created_at")).isTrue();
        assertThat(spec().at("/components/schemas/Problem/properties").has("request_id"))
                .isTrue();
    }

    @Test
    void theOperationGroupsComeInReadingOrder() {
        var tags = new java.util.ArrayList<String>();
        spec().get("tags").forEach(tag -> tags.add(tag.get("name").asString()));

        assertThat(tags).containsExactlyElementsOf(OpenApiConfiguration.TAG_ORDER);
    }

    @Test
    void theRootLeadsToTheDocs() {
        var root = api.anonymous().get("/").header("Accept", "text/html").send();

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).endsWith("/docs");
    }

    @Test
    void swaggerUiAndRedocAreServed() {
        var docs = api.get("/docs").header("Accept", "text/html").send();
        assertThat(docs.status()).isEqualTo(302);
        var ui = api.get(docs.header("Location")).header("Accept", "text/html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");

        var redoc = api.get("/redoc").header("Accept", "text/html").send();
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.body()).contains("spec-url=\"/openapi.json\"");
        var script = redoc.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(api.get(script).header("Accept", "*/*").send().status()).isEqualTo(200);
    }

    @Test
    void swaggerUiAuthorizesPeopleWithPkceAndMachinesWithClientCredentials() {
        var config = api.get("/openapi.json/swagger-config").send();
        assertThat(config.at("/oauth2RedirectUrl")).isEqualTo("http://stockroom.test/swagger-ui/oauth2-redirect.html");
        var initializer = api.get("/swagger-ui/swagger-initializer.js")
                .header("Accept", "*/*")
                .send();
        assertThat(initializer.body())
                .contains("\"clientId\":\"stockroom-docs\"")
                .contains("\"usePkceWithAuthorizationCodeGrant\":true")
                .contains("plugins: [StockroomSignIn, ")
                .doesNotContain("openid");

        var flows = spec().at("/components/securitySchemes/oauth2/flows");
        assertThat(flows.at("/authorizationCode/authorizationUrl").asString()).isEqualTo("/oauth2/authorize");
        assertThat(flows.at("/authorizationCode/tokenUrl").asString()).isEqualTo("/oauth2/token");
        assertThat(flows.at("/clientCredentials/tokenUrl").asString()).isEqualTo("/oauth2/token");
        assertThat(flows.at("/clientCredentials/scopes").has("users:admin")).isTrue();
    }

    private static boolean isScalar(JsonNode field) {
        JsonNode type = field.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (SCALARS.contains(t.asString())) {
                    return true;
                }
            }
            return false;
        }
        return SCALARS.contains(type.asString(""));
    }

    private JsonNode spec() {
        var response = api.get("/openapi.json").send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
