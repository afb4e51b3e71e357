package dev.stockroom.webhooks.web;

import dev.stockroom.webhooks.EventType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code webhooks} section of the OpenAPI document (OpenAPI 3.1): one entry per event type, with the
 * Standard Webhooks headers and the body {@code {"type", "timestamp", "data"}}, where {@code data} is the same
 * schema the REST API answers with, so partners can generate types for what they receive.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDocumentation {

    private static final String JSON = "application/json";

    @Bean
    OpenApiCustomizer webhooksSection() {
        return openApi -> {
            var components = openApi.getComponents();
            var webhooks = new LinkedHashMap<String, PathItem>();
            for (EventType type : EventType.values()) {
                String envelope = envelopeOf(type);
                if (components.getSchemas() == null || !components.getSchemas().containsKey(envelope)) {
                    components.addSchemas(envelope, envelopeSchema(envelope));
                }
                webhooks.put(type.wireValue(), new PathItem().post(operation(type, envelope)));
            }
            components.addSchemas("WebhookTestData", testData());
            openApi.setWebhooks(webhooks);
        };
    }

    /** The envelope schema of an event type: named by the resource its {@code data} is. */
    private static String envelopeOf(EventType type) {
        return switch (type) {
            case PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_DELETED, STOCK_LOW -> "ProductWebhookEvent";
            case STOCK_ADJUSTED -> "StockAdjustmentWebhookEvent";
            case CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_DELETED -> "CustomerWebhookEvent";
            case ORDER_PLACED, ORDER_CONFIRMED, ORDER_SHIPPED, ORDER_DELIVERED, ORDER_CANCELLED -> "OrderWebhookEvent";
            case TEST -> "TestWebhookEvent";
        };
    }

    private static String dataOf(String envelope) {
        return switch (envelope) {
            case "ProductWebhookEvent" -> "Product";
            case "StockAdjustmentWebhookEvent" -> "StockAdjustment";
            case "CustomerWebhookEvent" -> "Customer";
            case "OrderWebhookEvent" -> "Order";
            default -> "WebhookTestData";
        };
    }

    private static Schema<?> envelopeSchema(String envelope) {
        List<String> types = Arrays.stream(EventType.values())
                .filter(type -> envelopeOf(type).equals(envelope))
                .map(EventType::wireValue)
                .toList();
        var type = new StringSchema();
        types.forEach(type::addEnumItem);
        var schema = new ObjectSchema();
        schema.setDescription("The body of a webhook: the event type, when it happened, and the resource as the"
                + " REST API answered it at that moment (for a deletion, as it was just before).");
        schema.addProperty("type", type.description("The event type.").example(types.getFirst()));
        schema.addProperty(
                "timestamp",
                new DateTimeSchema()
                        .description("When the event happened (RFC 3339).")
                        .example("2026-12-01T10:15:30.123Z"));
        schema.addProperty("data", new Schema<>().$ref("#/components/schemas/" + dataOf(envelope)));
        schema.setRequired(List.of("type", "timestamp", "data"));
        return schema;
    }

    private static Schema<?> testData() {
        var schema = new ObjectSchema();
        schema.setDescription("The data of a `webhook.test` event.");
        schema.addProperty(
                "subscription_id",
                new UUIDSchema()
                        .description("The subscription tested.")
                        .example("7d7e4f0c-3c1b-4a57-9a43-2b1f0e6d5c21"));
        schema.addProperty(
                "message",
                new StringSchema().description("A greeting.").example("This is a test event from Stockroom."));
        schema.setRequired(List.of("subscription_id", "message"));
        return schema;
    }

    private static Operation operation(EventType type, String envelope) {
        return new Operation()
                .operationId("webhook_" + type.wireValue().replace('.', '_'))
                .summary(summaryOf(type))
                .description("Signed as the Standard Webhooks specification says: verify `webhook-signature` before"
                        + " trusting the body, and drop a `webhook-id` already seen (a message may come more than"
                        + " once). Messages are not ordered: compare `data.version` to drop stale ones.")
                .addTagsItem("Webhooks")
                .parameters(List.of(
                        header(
                                "webhook-id",
                                "The message id, the same on every retry of it.",
                                "msg_5f0c2a4e-8a0b-4d52-9d86-3d8c2c7e1b9a"),
                        header(
                                "webhook-timestamp",
                                "When it was sent, in Unix seconds; refuse old ones.",
                                "1767225600"),
                        header(
                                "webhook-signature",
                                "`v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed"
                                        + " with the secret's bytes; two, separated by a space, for a day after a"
                                        + " rotation.",
                                "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")))
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + envelope)))))
                .responses(new ApiResponses()
                        .addApiResponse("2XX", new ApiResponse().description("Received; not sent again."))
                        .addApiResponse(
                                "410",
                                new ApiResponse()
                                        .description("Gone: the subscription is disabled, nothing more is sent."))
                        .addApiResponse(
                                "default",
                                new ApiResponse()
                                        .description("429 (honouring `Retry-After`), 5xx, a timeout (15 s) or no"
                                                + " connection: sent again with exponential backoff, up to 8 attempts"
                                                + " in about a day. Any other status: not sent again.")));
    }

    private static HeaderParameter header(String name, String description, String example) {
        var header = new HeaderParameter();
        header.name(name)
                .description(description)
                .required(true)
                .schema(new StringSchema())
                .example(example);
        return header;
    }

    private static String summaryOf(EventType type) {
        return switch (type) {
            case PRODUCT_CREATED -> "A product was added";
            case PRODUCT_UPDATED -> "A product's name, description, price or threshold changed";
            case PRODUCT_DELETED -> "A product was removed";
            case STOCK_ADJUSTED -> "Stock was adjusted by hand";
            case STOCK_LOW -> "Stock fell to or below the product's low-stock threshold";
            case CUSTOMER_CREATED -> "A customer was created";
            case CUSTOMER_UPDATED -> "A customer changed";
            case CUSTOMER_DELETED -> "A customer was deleted";
            case ORDER_PLACED -> "An order was placed";
            case ORDER_CONFIRMED -> "An order was confirmed";
            case ORDER_SHIPPED -> "An order was shipped";
            case ORDER_DELIVERED -> "An order was delivered";
            case ORDER_CANCELLED -> "An order was cancelled; its stock went back";
            case TEST -> "A test event, sent on request";
        };
    }
}
