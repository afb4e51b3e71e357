package dev.stockroom.shared.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which observations (and so spans and timers) are made. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    private static final String JDBC = "jdbc.";

    /**
     * JDBC is observed only inside another observation: a request, a scheduled task. Statements outside any, such
     * as the webhook worker polling its outbox every second on every instance, or Flyway at start, would
     * otherwise each be a trace of its own, a steady stream of noise that buries the traces worth reading.
     */
    @Bean
    ObservationPredicate jdbcOnlyWithinAnotherObservation() {
        return (name, context) -> !name.startsWith(JDBC) || withinOtherThanJdbc(context);
    }

    /**
     * Whether an ancestor is something other than JDBC. A statement's parent is its connection's observation,
     * which is the no-op observation when the connection was not observed, so the whole line is looked at.
     */
    private static boolean withinOtherThanJdbc(Observation.Context context) {
        for (ObservationView parent = context.getParentObservation();
                parent != null;
                parent = parent.getContextView().getParentObservation()) {
            String name = parent.getContextView().getName();
            if (name != null && !name.startsWith(JDBC)) {
                return true;
            }
        }
        return false;
    }
}
