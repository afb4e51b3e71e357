package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.WebhookTest;
import dev.stockroom.support.Webhooks;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Traces as Spring Boot makes them here, recorded in memory (no exporter is configured, as by default): a
 * caller's {@code traceparent} is continued, requests and their SQL are spans, and a webhook sent later by the
 * delivery worker carries the trace of the request that caused it to the receiver.
 */
@WebhookTest
@Import(TracingIT.SpanRecording.class)
// Spans are recorded in memory here, so the JDBC spans an exporter would bring are switched on by hand.
@TestPropertySource(properties = "jdbc.datasource-proxy.enabled=true")
class TracingIT {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    Api api;

    @Autowired
    RecordedSpans spans;

    @Autowired
    ObjectProvider<SpanExporter> exporters;

    Webhooks webhooks;

    @BeforeEach
    void setUp() {
        webhooks = new Webhooks(api);
    }

    @AfterEach
    void cleanUp() {
        webhooks.cleanUp();
    }

    @Test
    void aWebhookSentLaterCarriesTheTraceOfTheRequestThatCausedIt() {
        var receiver = Receiver.answering(200);
        webhooks.subscribe(receiver, "product.created");
        String traceId = hex(16);
        String callerSpanId = hex(8);

        var created = api.post("/v1/products", ProductData.aWidget())
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .send();
        assertThat(created.status()).isEqualTo(201);

        var message = receiver.await(1, SOON).getFirst();
        String traceparent = message.header("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.split("-")[1]).isEqualTo(traceId);
        assertThat(traceparent.split("-")[2]).isNotEqualTo(callerSpanId).isNotEqualTo("0".repeat(16));
        assertThat(message.headers()).doesNotContainKeys("tracestate", "baggage");
    }

    @Test
    void aCallersTraceIsContinuedByTheRequestItsSqlAndAWebhookCall() {
        var receiver = Receiver.answering(200);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");
        String traceId = hex(16);
        String callerSpanId = hex(8);

        var sent = api.post("/v1/webhook-subscriptions/" + subscription + "/test", "")
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .send();
        assertThat(sent.status()).as(sent.body()).isBetween(200, 299);

        var server = spans.await(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
        var client = spans.await(span -> span.getTraceId().equals(traceId)
                && span.getKind() == SpanKind.CLIENT
                && span.getName().startsWith("webhook"));
        assertThat(client.getName()).isEqualTo("webhook webhook.test");
        assertThat(client.getAttributes().asMap().toString()).contains("http.response.status_code=200");
        assertThat(receiver.await(1, SOON).getFirst().header("traceparent"))
                .isEqualTo("00-" + traceId + "-" + client.getSpanId() + "-01");
        assertThat(spans.all())
                .filteredOn(span -> span.getTraceId().equals(traceId))
                .extracting(SpanData::getName)
                .contains("query", "connection");
    }

    @Test
    void sqlOutsideARequestMakesNoTraceAndNoBoundValueIsRecorded() {
        String password = "traced-password-" + UUID.randomUUID();
        var created = api.post(
                        "/v1/users",
                        Map.of(
                                "email",
                                "traced-" + UUID.randomUUID() + "@example.com",
                                "password",
                                password,
                                "role",
                                "viewer"))
                .send();
        assertThat(created.status()).isEqualTo(201);
        Webhooks.sleep(500); // the webhook worker polls every 100 ms meanwhile

        List<SpanData> jdbc = spans.all().stream()
                .filter(span -> span.getName().equals("query") || span.getName().equals("connection"))
                .toList();
        assertThat(jdbc)
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.getParentSpanContext().isValid())
                        .as("parent of %s", span)
                        .isTrue());
        assertThat(spans.all())
                .allSatisfy(span ->
                        assertThat(span.getAttributes().asMap().toString()).doesNotContain(password));
    }

    @Test
    void withoutAnEndpointNothingIsExported() {
        assertThat(exporters.stream()).isEmpty();
    }

    private static String hex(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SpanRecording {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }

    /** Every span that ends, kept in memory; Spring Boot adds each {@link SpanProcessor} bean to its tracer. */
    static final class RecordedSpans implements SpanProcessor {

        private final ConcurrentLinkedQueue<SpanData> ended = new ConcurrentLinkedQueue<>();

        List<SpanData> all() {
            return List.copyOf(ended);
        }

        SpanData await(Predicate<SpanData> wanted) {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (System.nanoTime() < deadline) {
                var found = ended.stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Webhooks.sleep(20);
            }
            throw new AssertionError("no such span among " + all());
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
