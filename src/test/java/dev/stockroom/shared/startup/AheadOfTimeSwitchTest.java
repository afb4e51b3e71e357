package dev.stockroom.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AheadOfTimeSwitchTest {

    private static final Map<String, String> BUILT_WITH =
            Map.of("stockroom.events.amqp-url", "", "spring.datasource.url", "jdbc:postgresql://set-at-start/x");

    private final AheadOfTimeSwitch aheadOfTime = new AheadOfTimeSwitch(new DeferredLogs());

    @TempDir
    Path directory;

    @Test
    void usesTheProcessingWhenTheSettingsAreTheBuildsInEveryRespectItRead() throws IOException {
        try (var image = loaderOf(jarWith(record()))) {
            assertThat(aheadOfTime.useProcessing(
                            environment(Map.of(
                                    "stockroom.events.amqp-url",
                                    "",
                                    "spring.datasource.url",
                                    "jdbc:postgresql://db/x")),
                            image))
                    .isTrue();
        }
    }

    @Test
    void startsTheOrdinaryWayWhenOneIsDifferent() throws IOException {
        try (var image = loaderOf(jarWith(record()))) {
            assertThat(aheadOfTime.useProcessing(
                            environment(Map.of(
                                    "stockroom.events.amqp-url",
                                    "amqp://broker:5672",
                                    "spring.datasource.url",
                                    "jdbc:postgresql://db/x")),
                            image))
                    .isFalse();
        }
    }

    @Test
    void ignoresARecordOutsideAJar() throws IOException {
        Path record = directory.resolve("classes").resolve(AheadOfTimeSwitch.RECORD);
        Files.createDirectories(record.getParent());
        try (OutputStream out = Files.newOutputStream(record)) {
            record().store(out, null);
        }
        try (var classes = loaderOf(directory.resolve("classes").toUri().toURL())) {
            assertThat(classes.getResource(AheadOfTimeSwitch.RECORD)).isNotNull();
            assertThat(aheadOfTime.useProcessing(environment(BUILT_WITH), classes))
                    .isFalse();
        }
    }

    @Test
    void doesNothingWithoutARecord() throws IOException {
        try (var plain = loaderOf(jarWith(null))) {
            assertThat(aheadOfTime.useProcessing(environment(BUILT_WITH), plain))
                    .isFalse();
        }
    }

    private static Properties record() {
        var environment = environment(BUILT_WITH);
        var inputs = new ConditionInputs();
        environment.getPropertySources().addFirst(inputs);
        BUILT_WITH.keySet().forEach(environment::getProperty);
        return inputs.record(environment);
    }

    private URL jarWith(Properties record) throws IOException {
        Path jar = Files.createTempFile(directory, "app", ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("dev/stockroom/placeholder.txt"));
            out.closeEntry();
            if (record != null) {
                out.putNextEntry(new JarEntry(AheadOfTimeSwitch.RECORD));
                record.store(out, null);
                out.closeEntry();
            }
        }
        return jar.toUri().toURL();
    }

    private static URLClassLoader loaderOf(URL url) {
        return new URLClassLoader(new URL[] {url}, null);
    }

    private static StandardEnvironment environment(Map<String, String> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(settings)));
        return environment;
    }
}
