package dev.stockroom;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Stockroom: an inventory and ordering REST API. Scheduling is switched on here, for every module's jobs (the
 * clean-up of expired idempotency keys and of spent authorizations), not as a side effect of one module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StockroomApplication {

    public static void main(String[] args) {
        MavenRunExit.installIfRunByMaven();
        SpringApplication.run(StockroomApplication.class, args);
    }

    /** The one source of "now", so tests can pin time and every timestamp is UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
