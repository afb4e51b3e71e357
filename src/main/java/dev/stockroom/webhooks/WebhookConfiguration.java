package dev.stockroom.webhooks;

import dev.stockroom.webhooks.outbound.OutboundPolicy;
import dev.stockroom.webhooks.outbound.WebhookHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbound side of webhooks: which receivers may be called, the client that calls them, and the metrics of
 * what came of it.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    OutboundPolicy outboundPolicy(WebhookProperties properties) {
        return OutboundPolicy.of(properties.allowHttp(), properties.allowedNetworks(), properties.timeout());
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, DeliveryRepository deliveries, Clock clock) {
        return new DeliveryMetrics(registry, deliveries::backlog, clock);
    }

    @Bean(destroyMethod = "close")
    WebhookHttpClient webhookHttpClient(OutboundPolicy policy) {
        return new WebhookHttpClient(policy);
    }
}
