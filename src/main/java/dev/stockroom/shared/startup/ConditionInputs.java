package dev.stockroom.shared.startup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The settings Spring read while it decided which beans exist, and what they were. While the image is built, an
 * instance sits among the environment's property sources: it never answers, it only notes every name asked for
 * (by conditions, placeholders in them, and Boot's own checks such as the management port's). {@link #record}
 * then writes each name with a digest of its value at build time (not the value: nothing the build saw is kept
 * in the image); {@link #differences} tells at start which of them are different now.
 *
 * <p>Some settings are read only to see whether they are set, or how two ports relate; comparing their values
 * would refuse the ahead-of-time start for every database URL or port, so they are compared as what the
 * conditions see ({@link #shape}).
 */
final class ConditionInputs extends PropertySource<Set<String>> {

    static final String NAME = "stockroomConditionInputs";
    /** Not a setting but decided by them, before the recorder is in place: the active profiles. */
    static final String PROFILES = "(active profiles)";

    static final String UNSET = "unset";
    static final String SET = "set";

    /**
     * Read by conditions only for whether they are set: the database URL (shared.database.EmbeddedDatabaseCondition)
     * and the OTLP endpoint of traces (Boot's exporter).
     */
    private static final Set<String> PRESENCE_ONLY =
            Set.of("spring.datasource.url", "management.opentelemetry.tracing.export.otlp.endpoint");

    /** Boot's facts about the process, not settings (its "applicationInfo" property source). */
    private static final Set<String> APPLICATION_INFO = Set.of("spring.application.pid", "spring.application.version");

    private static final String SERVER_PORT = "server.port";
    private static final String MANAGEMENT_PORT = "management.server.port";

    ConditionInputs() {
        super(NAME, ConcurrentHashMap.newKeySet());
    }

    @Override
    public @Nullable Object getProperty(String name) {
        if (isSetting(name)) {
            getSource().add(name);
        }
        return null;
    }

    /**
     * Whether a name asked for is a setting, not a step of resolving a placeholder in one: {@code PORT} or
     * {@code STOCKROOM_MANAGEMENT_PORT:8081} are looked up while {@code server.port} or {@code
     * management.server.port} is resolved, and those are recorded with the value they resolve to. Nor is the
     * process's id and the jar's version that Boot offers as {@code spring.application.pid} and {@code
     * spring.application.version}: the one is new at every start, the other unknown to a build's classes.
     */
    static boolean isSetting(String name) {
        return name.indexOf(':') < 0
                && !APPLICATION_INFO.contains(name)
                && !name.chars().allMatch(c -> c == '_' || Character.isUpperCase(c) || Character.isDigit(c));
    }

    /** The names asked for so far, with their shape in {@code environment}. */
    Properties record(Environment environment) {
        var recorded = new Properties();
        var names = new TreeSet<>(getSource());
        names.add(PROFILES);
        for (String name : names) {
            recorded.setProperty(name, shape(name, environment));
        }
        return recorded;
    }

    /** The recorded settings whose shape in {@code environment} is not the recorded one, in name order. */
    static List<String> differences(Properties recorded, Environment environment) {
        return new TreeSet<>(recorded.stringPropertyNames())
                .stream()
                        .filter(name -> !recorded.getProperty(name).equals(shape(name, environment)))
                        .toList();
    }

    /**
     * What a condition sees of a setting: unset, set (for those read only for that), the management port as
     * Boot's {@code ManagementPortType} sees it, or a digest of the value; the active profiles as they are.
     */
    static String shape(String name, Environment environment) {
        if (name.equals(PROFILES)) {
            return String.join(",", environment.getActiveProfiles());
        }
        if (name.equals(SERVER_PORT)) {
            return environment.containsProperty(name) ? SET : UNSET;
        }
        if (name.equals(MANAGEMENT_PORT)) {
            return managementPortType(environment);
        }
        String value = environment.getProperty(name);
        if (value == null) {
            return UNSET;
        }
        return PRESENCE_ONLY.contains(name) ? (value.isBlank() ? "blank" : SET) : "sha256:" + digest(value);
    }

    /**
     * As Boot's ManagementPortType: disabled (negative), same (unset, 8080 beside an unset server port, or equal to
     * a server port other than 0) or different.
     */
    private static String managementPortType(Environment environment) {
        Integer management = environment.getProperty(MANAGEMENT_PORT, Integer.class);
        if (management != null && management < 0) {
            return "disabled";
        }
        Integer server = environment.getProperty(SERVER_PORT, Integer.class);
        boolean same = management == null
                || (server == null && management == 8080)
                || (management != 0 && management.equals(server));
        return same ? "same" : "different";
    }

    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
