/**
 * Traces and logs: how the service's settings ({@code STOCKROOM_OTLP_ENDPOINT}, {@code STOCKROOM_LOG_FORMAT})
 * become Spring Boot's ({@link TelemetryEnvironment}), and which observations are worth a span
 * ({@link ObservabilityConfiguration}). The spans themselves come from Spring Boot's Micrometer Tracing over the
 * OpenTelemetry SDK: HTTP server requests, JDBC, and the webhook calls {@code webhooks} makes.
 */
@NullMarked
package dev.stockroom.shared.observability;

import org.jspecify.annotations.NullMarked;
