package dev.stockroom.webhooks;

import dev.stockroom.webhooks.outbound.OutboundPolicy;
import dev.stockroom.webhooks.outbound.WebhookHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbound side of webhooks: which receivers may be called, and the client that calls them. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    OutboundPolicy outboundPolicy(WebhookProperties properties) {
        return OutboundPolicy.of(properties.allowHttp(), properties.allowedNetworks(), properties.timeout());
    }

    @Bean(destroyMethod = "close")
    WebhookHttpClient webhookHttpClient(OutboundPolicy policy) {
        return new WebhookHttpClient(policy);
    }
}
