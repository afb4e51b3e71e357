package dev.stockroom.webhooks.web;

import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.shared.web.ETags;
import dev.stockroom.shared.web.IfMatch;
import dev.stockroom.shared.web.Locations;
import dev.stockroom.shared.web.MergePatchMapping;
import dev.stockroom.shared.web.PageParameters;
import dev.stockroom.shared.web.PageResponse;
import dev.stockroom.webhooks.DeliverySearch;
import dev.stockroom.webhooks.SubscriptionSearch;
import dev.stockroom.webhooks.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/webhook-subscriptions}: the HTTP face of {@link WebhookSubscriptions}. */
@RestController
@RequestMapping(path = "/v1/webhook-subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Webhooks",
        description = "Subscriptions that send events to partners, signed as Standard Webhooks, and their"
                + " deliveries. A client bound to a customer manages only its own, which receive only events about"
                + " its customer and the catalog.")
class WebhookSubscriptionController {

    private final WebhookSubscriptions webhooks;

    WebhookSubscriptionController(WebhookSubscriptions webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(
            summary = "Subscribe to events",
            description = "The URL must be https and must not point, or resolve, to a loopback, private,"
                    + " link-local, CGNAT, unique-local, multicast or unspecified address (422, pointer `/url`)."
                    + " The answer carries the signing `secret`, shown only this once.")
    @ApiResponse(
            responseCode = "201",
            description = "Subscribed; the body has the signing secret.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    ResponseEntity<CreatedSubscriptionResponse> subscribe(@Valid @RequestBody CreateSubscriptionRequest request) {
        var created = webhooks.create(request.toCommand(), Caller.current());
        return ResponseEntity.created(Locations.child(created.subscription().id()))
                .eTag(ETags.of(created.subscription().version()))
                .body(CreatedSubscriptionResponse.from(created));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Get a webhook subscription")
    @ApiResponse(responseCode = "200", description = "The subscription.", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in `If-None-Match`.")
    ResponseEntity<SubscriptionResponse> getSubscription(
            @PathVariable @Parameter(description = "Subscription id.") UUID id) {
        var subscription = webhooks.get(id, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(subscription.version())).body(SubscriptionResponse.from(subscription));
    }

    @GetMapping
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "List webhook subscriptions", description = "In creation order, cursor-paginated.")
    @ApiResponse(responseCode = "200", description = "One page of subscriptions.")
    ResponseEntity<PageResponse<SubscriptionResponse>> listSubscriptions(@Valid PageParameters page) {
        return PageResponse.ok(
                webhooks.list(new SubscriptionSearch(page.size(), page.cursor()), Caller.current()),
                SubscriptionResponse::from);
    }

    @MergePatchMapping(path = "/{id}")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(
            summary = "Change a webhook subscription",
            description = "JSON merge patch of `url`, `event_types`, `description` and `enabled`.")
    @ApiResponse(
            responseCode = "200",
            description = "The subscription as changed.",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<SubscriptionResponse> changeSubscription(
            @PathVariable @Parameter(description = "Subscription id.") UUID id,
            @IfMatch(description = "Change only if the subscription still has this ETag.", example = "1")
                    Precondition precondition,
            @Valid @RequestBody UpdateSubscriptionRequest request) {
        var subscription = webhooks.change(id, request.toChanges(), precondition, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(subscription.version())).body(SubscriptionResponse.from(subscription));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Delete a webhook subscription", description = "Its pending deliveries go with it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    ResponseEntity<Void> deleteSubscription(
            @PathVariable @Parameter(description = "Subscription id.") UUID id,
            @IfMatch(description = "Delete only if the subscription still has this ETag.", example = "1")
                    Precondition precondition) {
        webhooks.delete(id, precondition, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret-rotation")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(
            summary = "Rotate the signing secret",
            description = "Answers a new secret. For 24 hours deliveries carry two signatures, with the old and"
                    + " the new secret, so the receiver can switch without losing a message.")
    @ApiResponse(
            responseCode = "200",
            description = "The subscription and its new secret.",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<CreatedSubscriptionResponse> rotateSecret(
            @PathVariable @Parameter(description = "Subscription id.") UUID id,
            @IfMatch(description = "Rotate only if the subscription still has this ETag.", example = "1")
                    Precondition precondition) {
        var rotated = webhooks.rotateSecret(id, precondition, Caller.current());
        return ResponseEntity.ok()
                .eTag(ETags.of(rotated.subscription().version()))
                .body(CreatedSubscriptionResponse.from(rotated));
    }

    @PostMapping("/{id}/test")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(
            summary = "Send a test event",
            description = "Sends a `webhook.test` event now and answers the delivery as it came out: `succeeded`,"
                    + " or `pending` with the receiver's status code or error (it is retried like any other).")
    @ApiResponse(responseCode = "200", description = "The delivery after its first attempt.")
    ResponseEntity<DeliveryResponse> sendTestEvent(@PathVariable @Parameter(description = "Subscription id.") UUID id) {
        return ResponseEntity.ok(DeliveryResponse.from(webhooks.test(id, Caller.current())));
    }

    @GetMapping("/{id}/deliveries")
    @RequiresScope(Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "List a subscription's deliveries", description = "Newest first, cursor-paginated.")
    @ApiResponse(responseCode = "200", description = "One page of deliveries.")
    ResponseEntity<PageResponse<DeliveryResponse>> listDeliveries(
            @PathVariable @Parameter(description = "Subscription id.") UUID id, @Valid PageParameters page) {
        return PageResponse.ok(
                webhooks.deliveries(new DeliverySearch(id, page.size(), page.cursor()), Caller.current()),
                DeliveryResponse::from);
    }
}
