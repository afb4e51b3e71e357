package dev.stockroom.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The actuator lives on the management port, but the probes' old addresses on the main port keep answering:
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness} are forwarded to {@code /livez} and
 * {@code /readyz} (the health groups' additional paths), so probes, scripts and tests written against them need no
 * change. Nothing else of the actuator is reachable on the main port. When the actuator shares the main port,
 * its own mapping comes first and these are never used.
 */
@Configuration(proxyBeanMethods = false)
class HealthProbePaths implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/actuator/health/liveness").setViewName("forward:/livez");
        registry.addViewController("/actuator/health/readiness").setViewName("forward:/readyz");
    }
}
