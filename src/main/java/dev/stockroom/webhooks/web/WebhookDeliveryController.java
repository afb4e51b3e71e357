package dev.stockroom.webhooks.web;

import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.webhooks.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/webhook-deliveries}: one delivery, and sending a dead one again. */
@RestController
@RequestMapping(path = "/v1/webhook-deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks")
class WebhookDeliveryController {

    private final WebhookSubscriptions webhooks;

    WebhookDeliveryController(WebhookSubscriptions webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Get a webhook delivery")
    @ApiResponse(responseCode = "200", description = "The delivery.")
    ResponseEntity<DeliveryResponse> getDelivery(@PathVariable @Parameter(description = "Delivery id.") UUID id) {
        return ResponseEntity.ok(DeliveryResponse.from(webhooks.delivery(id, Caller.current())));
    }

    @PostMapping("/{id}/retry")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(
            summary = "Send a dead delivery again",
            description = "A `dead` (or `failed`) delivery becomes `pending` with a fresh set of attempts; the"
                    + " first is made at once.")
    @ApiResponse(responseCode = "202", description = "Queued again.")
    @ApiResponse(
            responseCode = "409",
            description = "The delivery is not dead or failed; the problem states its status.")
    ResponseEntity<DeliveryResponse> retryDelivery(@PathVariable @Parameter(description = "Delivery id.") UUID id) {
        return ResponseEntity.accepted().body(DeliveryResponse.from(webhooks.retry(id, Caller.current())));
    }
}
