package dev.stockroom.ordering.web;

import dev.stockroom.ordering.OrderId;
import dev.stockroom.ordering.OrderStatus;
import dev.stockroom.ordering.Orders;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.shared.web.ETags;
import dev.stockroom.shared.web.Locations;
import dev.stockroom.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/orders}: the HTTP face of {@link Orders}. */
@RestController
@RequestMapping(path = "/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Orders, their stock reservations and their lifecycle.")
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.ORDERS_WRITE)
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order",
            description = "Reserves stock for every line in one transaction, all or nothing, and creates the order"
                    + " as `pending`. A client bound to a customer may order only for that customer.")
    @ApiResponse(
            responseCode = "201",
            description = "Placed.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    @ApiResponse(
            responseCode = "409",
            description = "Not enough stock; `shortfalls` names each short line (product_id, requested, available).")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody CreateOrderRequest request) {
        var caller = Caller.current();
        var order = orders.place(request.toCommand(), caller);
        var location = Locations.child(order.id().value());
        return ResponseEntity.created(location).eTag(ETags.of(order.version())).body(OrderResponse.from(order, caller));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.ORDERS_READ)
    @Operation(operationId = "getOrder", summary = "Get an order")
    @ApiResponse(responseCode = "200", description = "The order.", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in `If-None-Match`.")
    ResponseEntity<OrderResponse> get(@PathVariable @Parameter(description = "Order id.") UUID id) {
        var caller = Caller.current();
        var order = orders.get(new OrderId(id), caller);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.from(order, caller));
    }

    @GetMapping
    @RequiresScope(Scopes.ORDERS_READ)
    @Operation(
            operationId = "listOrders",
            summary = "List orders",
            description = "In creation order, cursor-paginated; a bound client sees only its customer's orders.")
    @ApiResponse(responseCode = "200", description = "One page of orders.")
    ResponseEntity<PageResponse<OrderResponse>> list(@Valid OrderListParameters parameters) {
        var caller = Caller.current();
        return PageResponse.ok(orders.list(parameters.toSearch(), caller), order -> OrderResponse.from(order, caller));
    }

    @PostMapping("/{id}/confirm")
    @RequiresScope(Scopes.ORDERS_WRITE)
    @Operation(
            operationId = "confirmOrder",
            summary = "Confirm an order",
            description = "pending → confirmed. Not for clients bound to a customer.")
    @ApiResponse(responseCode = "200", description = "The order, confirmed.")
    @ApiResponse(responseCode = "409", description = "The order is not pending; the problem states its status.")
    ResponseEntity<OrderResponse> confirm(
            @PathVariable @Parameter(description = "Order id.") UUID id,
            @RequestBody(required = false) @Valid @Nullable TransitionRequest request) {
        return transition(id, OrderStatus.CONFIRMED, request);
    }

    @PostMapping("/{id}/ship")
    @RequiresScope(Scopes.ORDERS_WRITE)
    @Operation(
            operationId = "shipOrder",
            summary = "Ship an order",
            description = "confirmed → shipped. Not for clients bound to a customer.")
    @ApiResponse(responseCode = "200", description = "The order, shipped.")
    @ApiResponse(responseCode = "409", description = "The order is not confirmed; the problem states its status.")
    ResponseEntity<OrderResponse> ship(
            @PathVariable @Parameter(description = "Order id.") UUID id,
            @RequestBody(required = false) @Valid @Nullable TransitionRequest request) {
        return transition(id, OrderStatus.SHIPPED, request);
    }

    @PostMapping("/{id}/deliver")
    @RequiresScope(Scopes.ORDERS_WRITE)
    @Operation(
            operationId = "deliverOrder",
            summary = "Mark an order delivered",
            description = "shipped → delivered. Not for clients bound to a customer.")
    @ApiResponse(responseCode = "200", description = "The order, delivered.")
    @ApiResponse(responseCode = "409", description = "The order is not shipped; the problem states its status.")
    ResponseEntity<OrderResponse> deliver(
            @PathVariable @Parameter(description = "Order id.") UUID id,
            @RequestBody(required = false) @Valid @Nullable TransitionRequest request) {
        return transition(id, OrderStatus.DELIVERED, request);
    }

    @PostMapping("/{id}/cancel")
    @RequiresScope(Scopes.ORDERS_WRITE)
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel an order",
            description = "pending or confirmed → cancelled; the reserved stock goes back, exactly once.")
    @ApiResponse(responseCode = "200", description = "The order, cancelled.")
    @ApiResponse(
            responseCode = "409",
            description = "The order can no longer be cancelled; the problem states its status.")
    ResponseEntity<OrderResponse> cancel(
            @PathVariable @Parameter(description = "Order id.") UUID id,
            @RequestBody(required = false) @Valid @Nullable TransitionRequest request) {
        return transition(id, OrderStatus.CANCELLED, request);
    }

    private ResponseEntity<OrderResponse> transition(UUID id, OrderStatus target, @Nullable TransitionRequest request) {
        var caller = Caller.current();
        var order = orders.transition(new OrderId(id), target, request == null ? null : request.reason(), caller);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.from(order, caller));
    }
}
