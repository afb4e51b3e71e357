package dev.stockroom.shared.observability;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the service's two telemetry settings into Spring Boot's, before logging and the application context
 * start. They cannot simply be placeholders in {@code application.yml}: Boot creates its OTLP span exporter as
 * soon as its endpoint property exists, even empty, so the property must be absent unless an endpoint is given;
 * and {@code json} is no Boot log format, so it needs translating.
 *
 * <ul>
 *   <li>{@code stockroom.tracing.otlp-endpoint} ({@code STOCKROOM_OTLP_ENDPOINT}): the base URL of an OTLP/HTTP
 *       collector ({@code http://collector:4318}; {@code /v1/traces} is added unless it is there already) becomes
 *       {@code management.opentelemetry.tracing.export.otlp.endpoint}. Unset or blank: no exporter, so no
 *       connection to anything; spans still give log lines and webhooks their trace ids. Without an exporter
 *       (this one or Boot's own {@code management.opentelemetry.tracing.export.otlp.endpoint}) there are no JDBC
 *       spans either ({@code jdbc.datasource-proxy.enabled=false}): nobody would see them, and wrapping every
 *       connection, statement and result costs a third of a product read.
 *   <li>{@code stockroom.logging.format} ({@code STOCKROOM_LOG_FORMAT}): {@code text} (the default) keeps the
 *       human-readable console; {@code json} means ECS JSON lines; {@code ecs}, {@code logstash} and {@code
 *       gelf} name Boot's formats directly. It becomes {@code logging.structured.format.console}.
 * </ul>
 *
 * Both go in last, below every other property source, so Boot's own properties (and {@code
 * LOGGING_STRUCTURED_FORMAT_CONSOLE}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}) still win where they are set.
 */
class TelemetryEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String OTLP_ENDPOINT = "stockroom.tracing.otlp-endpoint";
    static final String LOG_FORMAT = "stockroom.logging.format";
    static final String BOOT_OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String BOOT_CONSOLE_FORMAT = "logging.structured.format.console";
    static final String JDBC_SPANS = "jdbc.datasource-proxy.enabled";

    private static final String TRACES_PATH = "/v1/traces";

    /** Just before shared.startup.AheadOfTimeSwitch, which must see the properties set here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new HashMap<>();
        String endpoint = environment.getProperty(OTLP_ENDPOINT, "").strip();
        if (!endpoint.isEmpty()) {
            mapped.put(BOOT_OTLP_ENDPOINT, tracesUrl(endpoint));
        } else if (environment.getProperty(BOOT_OTLP_ENDPOINT, "").isBlank()) {
            mapped.put(JDBC_SPANS, "false");
        }
        String format = consoleFormat(environment.getProperty(LOG_FORMAT, ""));
        if (!format.isEmpty()) {
            mapped.put(BOOT_CONSOLE_FORMAT, format);
        }
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("stockroomTelemetry", mapped));
        }
    }

    static String tracesUrl(String endpoint) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base.endsWith(TRACES_PATH) ? base : base + TRACES_PATH;
    }

    /** Boot's name of the console format, or empty for human-readable text. */
    static String consoleFormat(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "", "text" -> "";
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default ->
                throw new IllegalStateException("STOCKROOM_LOG_FORMAT (" + LOG_FORMAT + ") is '" + setting
                        + "'; it must be text, json, ecs, logstash or gelf");
        };
    }
}
