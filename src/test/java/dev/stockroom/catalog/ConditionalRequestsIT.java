package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class ConditionalRequestsIT {

    @Autowired
    Api api;

    String id;

    @BeforeEach
    void setUp() {
        id = ProductData.create(api, ProductData.aProduct("Tagged", "3.00", 1));
    }

    @Test
    void getAnswersAStrongETag() {
        var response = api.get("/v1/products/" + id).send();

        assertThat(response.header("ETag")).isEqualTo("\"1\"").doesNotStartWith("W/");
    }

    @Test
    void matchingIfNoneMatchAnswersNotModified() {
        var response =
                api.get("/v1/products/" + id).header("If-None-Match", "\"1\"").send();

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void staleIfNoneMatchAnswersTheProduct() {
        api.patch("/v1/products/" + id, Map.of("name", "Renamed")).send();

        var response =
                api.get("/v1/products/" + id).header("If-None-Match", "\"1\"").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/name")).isEqualTo("Renamed");
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void patchWithCurrentIfMatchSucceeds() {
        var response = api.patch("/v1/products/" + id, Map.of("name", "Renamed"))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void rejectsStaleIfMatchOnPatchAndChangesNothing() {
        api.patch("/v1/products/" + id, Map.of("name", "Second")).send();

        var refused = api.patch("/v1/products/" + id, Map.of("name", "Lost update"))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/precondition-failed");
        assertThat(api.get("/v1/products/" + id).send().at("/name")).isEqualTo("Second");
    }

    @Test
    void rejectsStaleIfMatchOnDeleteAndKeepsTheProduct() {
        api.patch("/v1/products/" + id, Map.of("name", "Second")).send();

        var refused =
                api.delete("/v1/products/" + id).header("If-Match", "\"1\"").send();

        assertThat(refused.status()).isEqualTo(412);
        assertThat(api.get("/v1/products/" + id).send().status()).isEqualTo(200);
    }

    @Test
    void deleteWithCurrentIfMatchRemoves() {
        var response = api.delete("/v1/products/" + id)
                .header("If-Match", "\"0\", \"1\"")
                .send();

        assertThat(response.status()).isEqualTo(204);
    }

    @Test
    void weakOrForeignTagsNeverMatch() {
        for (String tag : new String[] {"W/\"1\"", "\"abc\"", "1", "\"\""}) {
            var refused = api.patch("/v1/products/" + id, Map.of("name", "x"))
                    .header("If-Match", tag)
                    .send();

            assertThat(refused.status()).as(tag).isEqualTo(412);
        }
    }

    @Test
    void ifMatchStarMatchesAnyVersion() {
        var response = api.patch("/v1/products/" + id, Map.of("name", "Any"))
                .header("If-Match", "*")
                .send();

        assertThat(response.status()).isEqualTo(200);
    }
}
