package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests Tomcat refuses before the application sees them answer problem details like everything else, and
 * say nothing about the server. Sent over a raw socket, since no well-behaved HTTP client sends them.
 */
@ApiTest
class MalformedRequestsIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    @LocalServerPort
    int port;

    @Test
    void anIllegalCharacterInAHeaderNameAnswersAProblem() throws IOException {
        assertProblem(send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-B@d\u0001: 1\r\n\r\n"), 400);
    }

    @Test
    void anIllegalCharacterInAHeaderValueAnswersAProblem() throws IOException {
        assertProblem(send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-Value: a\u0001b\r\n\r\n"), 400);
    }

    @Test
    void aMalformedRequestLineAnswersAProblem() throws IOException {
        assertProblem(send("GET /v1/pro ducts HTTP/1.1 extra\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products\u0007 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void oversizedHeadersAnswerAProblem() throws IOException {
        var response =
                send("GET /v1/products HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n");

        assertThat(response.status()).isIn(400, 431);
        assertProblem(response, response.status());
    }

    @Test
    void anInvalidPercentEncodingInThePathAnswersAProblem() throws IOException {
        assertProblem(send("GET /v1/products/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products/%2 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void invalidUtf8InThePathAnswersAProblem() throws IOException {
        assertProblem(send("GET /v1/products/%C3%28 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertProblem(send("GET /v1/products/%FF%FE HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    private RawResponse send(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return RawResponse.read(socket.getInputStream());
        }
    }

    private static void assertProblem(RawResponse response, int status) {
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

    /** Status line, headers and body of one HTTP/1.1 response, read until the server closes or goes quiet. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse read(InputStream in) throws IOException {
            var bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    bytes.write(buffer, 0, n);
                    if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what arrived is all there is
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }

        private static boolean complete(String text) {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = text.substring(0, end).toLowerCase(Locale.ROOT);
            var length =
                    java.util.regex.Pattern.compile("content-length:\\s*(\\d+)").matcher(head);
            if (length.find()) {
                return text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length
                        >= Integer.parseInt(length.group(1));
            }
            return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
        }

        private static String dechunk(String chunked) {
            var out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
