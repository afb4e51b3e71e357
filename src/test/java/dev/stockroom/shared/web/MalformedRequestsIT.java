package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.RawHttp;
import dev.stockroom.support.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Requests Tomcat refuses before the application sees them answer problem details like everything else, and
 * say nothing about the server. Sent over a raw socket, since no well-behaved HTTP client sends them.
 */
@ApiTest
class MalformedRequestsIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    @Autowired
    Api api;

    @Test
    void anIllegalCharacterInAHeaderNameAnswersAProblem() {
        assertProblem(send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-B@d\u0001: 1\r\n\r\n"), 400);
    }

    @Test
    void anIllegalCharacterInAHeaderValueAnswersAProblem() {
        assertProblem(send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-Value: a\u0001b\r\n\r\n"), 400);
    }

    @Test
    void aMalformedRequestLineAnswersAProblem() {
        assertProblem(send("GET /v1/pro ducts HTTP/1.1 extra\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products\u0007 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void oversizedHeadersAnswerAProblem() {
        var response =
                send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n");

        assertThat(response.status()).isIn(400, 431);
        assertProblem(response, response.status());
    }

    @Test
    void anInvalidPercentEncodingInThePathAnswersAProblem() {
        assertProblem(send("GET /v1/products/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products/%2 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void invalidUtf8InThePathAnswersAProblem() {
        assertProblem(send("GET /v1/products/%C3%28 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products/%FF%FE HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    private Response send(String request) {
        return RawHttp.exchange(api.port(), request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode json = Api.JSON.readTree(response.body());
        assertThat(json.get("type").asString()).startsWith(PROBLEMS);
        assertThat(json.get("title").asString()).isNotBlank();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asString()).isNotBlank();
        assertThat(response.body().toLowerCase(Locale.ROOT))
                .doesNotContain("tomcat")
                .doesNotContain("exception")
                .doesNotContain("<html")
                .doesNotContain("\tat ");
        assertThat(response.header("server")).isNull();
    }
}
