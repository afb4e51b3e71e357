package dev.stockroom.webhooks;

import dev.stockroom.webhooks.outbound.Outcome;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps a delivery in the trace of the request that caused it, although it is sent later, on another thread and
 * perhaps another instance: the outbox row keeps the W3C {@code traceparent} of the span that wrote it, and the
 * call to the receiver is a client span whose parent is that context, announced to the receiver in its own
 * {@code traceparent} header. Only that header leaves: no {@code tracestate} and no baggage, which are ours and
 * not a partner's business.
 */
@Component
class DeliveryTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    DeliveryTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span; null outside a trace or when tracing is off. */
    @Nullable String currentTraceparent() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span);
    }

    /**
     * Makes the call inside a client span that continues the delivery's stored trace (or the current one, or a new
     * one), after adding that span's {@code traceparent} to the headers the call sends.
     */
    Outcome send(Delivery delivery, URI url, Map<String, String> headers, Supplier<Outcome> call) {
        String parent = delivery.traceparent();
        Span.Builder builder =
                parent == null ? tracer.spanBuilder() : propagator.extract(Map.of(TRACEPARENT, parent), Map::get);
        Span span = builder.name("webhook " + delivery.eventType().wireValue())
                .kind(Span.Kind.CLIENT)
                .tag("http.request.method", "POST")
                .tag("server.address", String.valueOf(url.getHost()))
                .tag("webhook.id", delivery.webhookId())
                .tag("webhook.subscription_id", delivery.subscriptionId().toString())
                .tag("webhook.attempt", delivery.attempts())
                .start();
        try (var _ = tracer.withSpan(span)) {
            String traceparent = traceparentOf(span);
            if (traceparent != null) {
                headers.put(TRACEPARENT, traceparent);
            }
            Outcome outcome = call.get();
            Integer status = outcome.statusCode();
            String error = outcome.error();
            if (status != null) {
                span.tag("http.response.status_code", status);
            }
            if (!outcome.succeeded()) {
                span.tag("error.type", error != null ? error : String.valueOf(status));
            }
            return outcome;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private @Nullable String traceparentOf(Span span) {
        var fields = new HashMap<String, String>();
        propagator.inject(span.context(), fields, (carrier, key, value) -> fields.put(key, value));
        return fields.get(TRACEPARENT);
    }
}
