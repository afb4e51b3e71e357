package dev.stockroom.shared.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the service with the results of Spring's ahead-of-time processing when they are right for its settings.
 * The container image is built with that processing ({@code ./mvnw -Pimage package}): Spring decides at build
 * time which beans exist, and a start that trusts it skips that work (here a quarter of the time to readiness).
 * But the decisions hold only for the settings the build saw: an image started with, say, a message broker URL
 * would silently have no broker. So at every start, once the settings are known (after every other environment post
 * processor, before the application context exists), this compares the settings the processing read with
 * today's ({@link ConditionInputs}); only when none differs does it switch the processed start on ({@code
 * spring.aot.enabled}). Otherwise the service starts the ordinary way and names the settings that were the reason.
 *
 * <p>Nothing happens outside the image: the record exists only in a jar made by the processing, never in {@code
 * target/classes} of an ordinary build, and {@code spring.aot.enabled}, when given, always wins. During the
 * processing itself this puts the recorder in place.
 */
class AheadOfTimeSwitch implements EnvironmentPostProcessor, Ordered {

    static final String RECORD = "META-INF/stockroom/aot-conditions.properties";

    private final Log log;

    AheadOfTimeSwitch(DeferredLogFactory logs) {
        this.log = logs.getLog(AheadOfTimeSwitch.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // From the application context's preparation on: what logging reads (it is set up before that, at
            // every start) is no input of the processing.
            application.addInitializers(
                    context -> context.getEnvironment().getPropertySources().addFirst(new ConditionInputs()));
            return;
        }
        if (SpringProperties.getProperty(AotDetector.AOT_ENABLED) == null
                && useProcessing(environment, AheadOfTimeSwitch.class.getClassLoader())) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /**
     * Whether this start may use the processing whose record {@code classLoader} holds: false without a record
     * (in a jar), or when a setting the processing read is different now (logged either way).
     */
    boolean useProcessing(ConfigurableEnvironment environment, ClassLoader classLoader) {
        Properties recorded = recorded(classLoader);
        if (recorded == null) {
            return false;
        }
        List<String> differences = ConditionInputs.differences(recorded, environment);
        if (!differences.isEmpty()) {
            log.info("Starting without the image's ahead-of-time processing: not set as when the image was built: "
                    + String.join(", ", differences));
            return false;
        }
        log.info("Starting with the image's ahead-of-time processing: every setting it read (" + recorded.size()
                + ") is as it was when the image was built");
        return true;
    }

    private static @Nullable Properties recorded(ClassLoader classLoader) {
        URL url = classLoader.getResource(RECORD);
        // In a jar only: a directory of classes (an ordinary build after an image build, the tests) is not what
        // the processing saw.
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        var recorded = new Properties();
        try (InputStream in = url.openStream()) {
            recorded.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + url, e);
        }
        return recorded;
    }
}
