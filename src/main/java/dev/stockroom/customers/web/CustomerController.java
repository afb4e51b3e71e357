package dev.stockroom.customers.web;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.customers.CustomerSearch;
import dev.stockroom.customers.Customers;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/customers}: the HTTP face of {@link Customers}. */
@RestController
@RequestMapping(path = "/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "Who orders, and where orders go.")
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.CUSTOMERS_WRITE)
    @Operation(
            operationId = "createCustomer",
            summary = "Create a customer",
            description = "Not allowed for a client bound to a customer.")
    @ApiResponse(
            responseCode = "201",
            description = "Created.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    @ApiResponse(responseCode = "409", description = "Another customer has this email.")
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CreateCustomerRequest request) {
        var customer = customers.create(request.toCommand(), Caller.current());
        var location = Locations.child(customer.id().value());
        return ResponseEntity.created(location)
                .eTag(ETags.of(customer.version()))
                .body(CustomerResponse.from(customer));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.CUSTOMERS_READ)
    @Operation(
            operationId = "getCustomer",
            summary = "Get a customer",
            description = "A bound client sees only its own customer.")
    @ApiResponse(responseCode = "200", description = "The customer.", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in `If-None-Match`.")
    ResponseEntity<CustomerResponse> get(@PathVariable @Parameter(description = "Customer id.") UUID id) {
        var customer = customers.get(new CustomerId(id), Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(CustomerResponse.from(customer));
    }

    @GetMapping
    @RequiresScope(Scopes.CUSTOMERS_READ)
    @Operation(
            operationId = "listCustomers",
            summary = "List customers",
            description = "In creation order, cursor-paginated; a bound client sees only its own customer.")
    @ApiResponse(responseCode = "200", description = "One page of customers.")
    ResponseEntity<PageResponse<CustomerResponse>> list(
            @RequestParam(required = false)
                    @Size(max = 200) @Parameter(description = "Case-insensitive substring of the name or email.", example = "ada")
                    @Nullable String q,
            @Valid PageParameters page) {
        return PageResponse.ok(
                customers.list(new CustomerSearch(q, page.size(), page.cursor()), Caller.current()),
                CustomerResponse::from);
    }

    @MergePatchMapping(path = "/{id}")
    @RequiresScope(Scopes.CUSTOMERS_WRITE)
    @Operation(
            operationId = "updateCustomer",
            summary = "Change a customer",
            description = "JSON merge patch: only the fields sent change.")
    @ApiResponse(
            responseCode = "200",
            description = "The customer as changed.",
            headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(responseCode = "409", description = "Another customer has this email.")
    ResponseEntity<CustomerResponse> update(
            @PathVariable @Parameter(description = "Customer id.") UUID id,
            @IfMatch(description = "Change only if the customer still has this ETag.", example = "1")
                    Precondition precondition,
            @Valid @RequestBody UpdateCustomerRequest request) {
        var customer = customers.change(new CustomerId(id), request.toChanges(), precondition, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(CustomerResponse.from(customer));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.CUSTOMERS_WRITE)
    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer",
            description = "A customer who has orders cannot be deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "409", description = "The customer has orders.")
    ResponseEntity<Void> delete(
            @PathVariable @Parameter(description = "Customer id.") UUID id,
            @IfMatch(description = "Delete only if the customer still has this ETag.", example = "1")
                    Precondition precondition) {
        customers.delete(new CustomerId(id), precondition, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
