package dev.stockroom.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TelemetryEnvironmentTest {

    @Test
    void noEndpointMeansNoExporterProperty() {
        assertThat(processed(Map.of()).containsProperty(TelemetryEnvironment.BOOT_OTLP_ENDPOINT))
                .isFalse();
        assertThat(processed(Map.of(TelemetryEnvironment.OTLP_ENDPOINT, " "))
                        .containsProperty(TelemetryEnvironment.BOOT_OTLP_ENDPOINT))
                .isFalse();
    }

    @Test
    void anEndpointBecomesBootsTracesUrl() {
        assertThat(processed(Map.of(TelemetryEnvironment.OTLP_ENDPOINT, "http://collector:4318"))
                        .getProperty(TelemetryEnvironment.BOOT_OTLP_ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(processed(Map.of(TelemetryEnvironment.OTLP_ENDPOINT, "https://otel.example.com/v1/traces"))
                        .getProperty(TelemetryEnvironment.BOOT_OTLP_ENDPOINT))
                .isEqualTo("https://otel.example.com/v1/traces");
    }

    @Test
    void bootsOwnEndpointWins() {
        var environment = processed(Map.of(
                TelemetryEnvironment.OTLP_ENDPOINT,
                "http://ours:4318",
                TelemetryEnvironment.BOOT_OTLP_ENDPOINT,
                "http://boots:4318/v1/traces"));

        assertThat(environment.getProperty(TelemetryEnvironment.BOOT_OTLP_ENDPOINT))
                .isEqualTo("http://boots:4318/v1/traces");
    }

    @Test
    void jdbcSpansOnlyWhenSpansAreExported() {
        assertThat(processed(Map.of()).getProperty(TelemetryEnvironment.JDBC_SPANS))
                .isEqualTo("false");
        assertThat(processed(Map.of(TelemetryEnvironment.OTLP_ENDPOINT, "http://collector:4318"))
                        .containsProperty(TelemetryEnvironment.JDBC_SPANS))
                .isFalse();
        assertThat(processed(Map.of(TelemetryEnvironment.BOOT_OTLP_ENDPOINT, "http://boots:4318/v1/traces"))
                        .containsProperty(TelemetryEnvironment.JDBC_SPANS))
                .isFalse();
        // Set explicitly, it wins (the tests that record spans in memory do so).
        assertThat(processed(Map.of(TelemetryEnvironment.JDBC_SPANS, "true"))
                        .getProperty(TelemetryEnvironment.JDBC_SPANS))
                .isEqualTo("true");
    }

    @Test
    void jsonLogsAreEcsAndTextIsTheDefault() {
        assertThat(processed(Map.of(TelemetryEnvironment.LOG_FORMAT, "json"))
                        .getProperty(TelemetryEnvironment.BOOT_CONSOLE_FORMAT))
                .isEqualTo("ecs");
        assertThat(processed(Map.of(TelemetryEnvironment.LOG_FORMAT, "text"))
                        .containsProperty(TelemetryEnvironment.BOOT_CONSOLE_FORMAT))
                .isFalse();
        assertThat(processed(Map.of()).containsProperty(TelemetryEnvironment.BOOT_CONSOLE_FORMAT))
                .isFalse();
    }

    @Test
    void bootsConsoleFormatWins() {
        var environment = processed(
                Map.of(TelemetryEnvironment.LOG_FORMAT, "json", TelemetryEnvironment.BOOT_CONSOLE_FORMAT, "logstash"));

        assertThat(environment.getProperty(TelemetryEnvironment.BOOT_CONSOLE_FORMAT))
                .isEqualTo("logstash");
    }

    @Test
    void anUnknownLogFormatStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> processed(Map.of(TelemetryEnvironment.LOG_FORMAT, "xml")))
                .withMessageContaining("STOCKROOM_LOG_FORMAT");
    }

    private static StandardEnvironment processed(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("settings", settings));
        new TelemetryEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
