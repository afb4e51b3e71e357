package dev.stockroom.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConditionInputsTest {

    @Test
    void notesEveryNameAskedForHoweverItIsAsked() {
        var environment = environment(Map.of("management.server.port", "8081"));
        ConfigurationPropertySources.attach(environment);
        var inputs = new ConditionInputs();
        environment.getPropertySources().addFirst(inputs);

        environment.getProperty("management.server.port");
        environment.containsProperty("stockroom.events.amqp-url");
        Binder.get(environment).bind("spring.threads.virtual.enabled", Boolean.class);

        assertThat(inputs.getSource())
                .contains("management.server.port", "stockroom.events.amqp-url", "spring.threads.virtual.enabled");
    }

    @Test
    void placeholderStepsAndProcessFactsAreNoSettings() {
        var environment = environment(Map.of("server.port", "${PORT:8080}", "spring.application.pid", "4242"));
        var inputs = new ConditionInputs();
        environment.getPropertySources().addFirst(inputs);

        environment.getProperty("server.port");
        environment.getProperty("spring.application.pid");

        assertThat(inputs.getSource()).containsExactly("server.port");
    }

    @Test
    void aRecordMatchesTheSettingsItWasMadeFromAndNotOthers() {
        Properties recorded =
                recordOf(Map.of("stockroom.events.amqp-url", "", "server.forward-headers-strategy", "native"));

        assertThat(ConditionInputs.differences(
                        recorded,
                        environment(
                                Map.of("stockroom.events.amqp-url", "", "server.forward-headers-strategy", "native"))))
                .isEmpty();
        assertThat(ConditionInputs.differences(
                        recorded,
                        environment(Map.of(
                                "stockroom.events.amqp-url",
                                "amqp://guest:guest@broker:5672",
                                "server.forward-headers-strategy",
                                "native"))))
                .contains("stockroom.events.amqp-url");
        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of("server.forward-headers-strategy", "native"))))
                .as("a setting that is gone")
                .contains("stockroom.events.amqp-url");
    }

    @Test
    void keepsDigestsNotValues() {
        Properties recorded = recordOf(Map.of("stockroom.events.amqp-url", "amqp://guest:secret@broker:5672"));

        assertThat(recorded.getProperty("stockroom.events.amqp-url"))
                .startsWith("sha256:")
                .doesNotContain("secret");
    }

    @Test
    void theDatabaseUrlCountsOnlyAsSetOrNot() {
        Properties recorded = recordOf(Map.of("spring.datasource.url", "jdbc:postgresql://set-at-start/stockroom"));

        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/stockroom"))))
                .isEmpty();
        assertThat(ConditionInputs.differences(recorded, environment(Map.of()))).contains("spring.datasource.url");
        assertThat(ConditionInputs.differences(recorded, environment(Map.of("spring.datasource.url", " "))))
                .contains("spring.datasource.url");
    }

    @Test
    void theTracesEndpointCountsOnlyAsSetOrNot() {
        String endpoint = "management.opentelemetry.tracing.export.otlp.endpoint";
        Properties recorded = recordOf(Map.of(endpoint, "http://set-at-start:4318/v1/traces"));

        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of(endpoint, "http://otel-collector.monitoring:4318/v1/traces"))))
                .isEmpty();
        assertThat(ConditionInputs.differences(recorded, environment(Map.of()))).containsExactly(endpoint);
    }

    @Test
    void portsCountAsBootsManagementPortTypeSeesThem() {
        Properties recorded = recordOf(Map.of("server.port", "8080", "management.server.port", "8081"));

        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of("server.port", "9000", "management.server.port", "9001"))))
                .as("other ports, still apart")
                .isEmpty();
        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of("server.port", "9000", "management.server.port", "9000"))))
                .as("the actuator on the main port")
                .contains("management.server.port");
        assertThat(ConditionInputs.differences(
                        recorded, environment(Map.of("server.port", "9000", "management.server.port", "-1"))))
                .as("no actuator")
                .contains("management.server.port");
        assertThat(ConditionInputs.differences(recorded, environment(Map.of("server.port", "9000"))))
                .as("no management port of its own")
                .contains("management.server.port");
        assertThat(ConditionInputs.shape(
                        "management.server.port", environment(Map.of("management.server.port", "8080"))))
                .as("8080 beside an unset server port")
                .isEqualTo("same");
        assertThat(ConditionInputs.shape(
                        "management.server.port",
                        environment(Map.of("server.port", "0", "management.server.port", "0"))))
                .as("two random ports")
                .isEqualTo("different");
    }

    @Test
    void activeProfilesAreRecordedToo() {
        Properties recorded = recordOf(Map.of());
        var withProfile = environment(Map.of());
        withProfile.setActiveProfiles("demo");

        assertThat(recorded.getProperty(ConditionInputs.PROFILES)).isEmpty();
        assertThat(ConditionInputs.differences(recorded, environment(Map.of()))).isEmpty();
        assertThat(ConditionInputs.differences(recorded, withProfile)).contains(ConditionInputs.PROFILES);
    }

    /** The record of an environment with these settings, each of them asked for once. */
    private static Properties recordOf(Map<String, String> settings) {
        var environment = environment(settings);
        var inputs = new ConditionInputs();
        environment.getPropertySources().addFirst(inputs);
        settings.keySet().forEach(environment::getProperty);
        return inputs.record(environment);
    }

    private static StandardEnvironment environment(Map<String, String> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(settings)));
        return environment;
    }
}
