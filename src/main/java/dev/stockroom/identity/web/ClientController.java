package dev.stockroom.identity.web;

import dev.stockroom.identity.ApiClientId;
import dev.stockroom.identity.ApiClients;
import dev.stockroom.identity.ClientSearch;
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

/** {@code /v1/clients}: API clients, administered with {@code users:admin}. */
@RestController
@RequestMapping(path = "/v1/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API clients", description = "Machines and apps that call the API with their own credentials.")
class ClientController {

    private final ApiClients clients;

    ClientController(ApiClients clients) {
        this.clients = clients;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "createClient",
            summary = "Register an API client",
            description = "Answers the client secret once; only its hash is kept. Nobody registers a client with"
                    + " more power than their own: the caller grants only scopes its token holds (403"
                    + " `scope-not-held`), and a caller bound to a customer registers only clients bound to that"
                    + " same customer (403 `bound-client`). A client bound to a customer cannot sign people in:"
                    + " `redirect_uris` with `customer_id` is refused (422, pointer `/redirect_uris`).")
    @ApiResponse(
            responseCode = "201",
            description = "Registered; the body has the secret.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the client would hold scopes the caller lacks"
                    + " (`scope-not-held`, with `missing_scopes`); or the caller is bound to a customer and the"
                    + " client is not bound to the same one (`bound-client`).")
    @ApiResponse(
            responseCode = "422",
            description = "The request is invalid; among others, a client bound to a customer with redirect URIs"
                    + " (pointer `/redirect_uris`) or an unknown customer (pointer `/customer_id`).")
    ResponseEntity<CreatedClientResponse> create(@Valid @RequestBody CreateClientRequest request) {
        var created = clients.register(request.toCommand(), Caller.current());
        return ResponseEntity.created(Locations.child(created.client().id().value()))
                .eTag(ETags.of(created.client().version()))
                .body(CreatedClientResponse.from(created));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(operationId = "getClient", summary = "Get an API client")
    @ApiResponse(
            responseCode = "200",
            description = "The client, without its secret.",
            headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<ClientResponse> get(@PathVariable @Parameter(description = "Client resource id.") UUID id) {
        var client = clients.get(new ApiClientId(id));
        return ResponseEntity.ok().eTag(ETags.of(client.version())).body(ClientResponse.from(client));
    }

    @GetMapping
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "listClients",
            summary = "List API clients",
            description = "In registration order, cursor-paginated.")
    @ApiResponse(responseCode = "200", description = "One page of clients.")
    ResponseEntity<PageResponse<ClientResponse>> list(@Valid PageParameters page) {
        return PageResponse.ok(clients.list(new ClientSearch(page.size(), page.cursor())), ClientResponse::from);
    }

    @MergePatchMapping(path = "/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "updateClient",
            summary = "Change an API client",
            description = "Only the fields sent change: the name, and the client's own rate limit (null gives it the"
                    + " default again). A new rate limit applies on the instance that took the change at once and"
                    + " on every other within 10 seconds. Only a caller holding every scope of the client may change"
                    + " it; a caller bound to a customer changes only clients bound to that customer.")
    @ApiResponse(
            responseCode = "200",
            description = "The client as changed.",
            headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the client holds scopes the caller lacks"
                    + " (`scope-not-held`); or the caller is bound to another customer (`bound-client`).")
    @ApiResponse(
            responseCode = "422",
            description = "The request is invalid; among others, a rate limit that is not one (pointer"
                    + " `/rate_limit`) or a field that cannot be changed here (scopes, redirect URIs, customer).")
    ResponseEntity<ClientResponse> update(
            @PathVariable @Parameter(description = "Client resource id.") UUID id,
            @IfMatch(description = "Change only if the client still has this ETag.", example = "1")
                    Precondition precondition,
            @Valid @RequestBody UpdateClientRequest request) {
        var client = clients.change(new ApiClientId(id), request.toChanges(), precondition, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(client.version())).body(ClientResponse.from(client));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "deleteClient",
            summary = "Delete an API client",
            description = "Revokes its refresh tokens at once; it gets no new access token. Only a caller holding"
                    + " every scope of the client may delete it; a caller bound to a customer deletes only clients"
                    + " bound to that customer.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the client holds scopes the caller lacks"
                    + " (`scope-not-held`); or the caller is bound to another customer (`bound-client`).")
    ResponseEntity<Void> delete(
            @PathVariable @Parameter(description = "Client resource id.") UUID id,
            @IfMatch(description = "Delete only if the client still has this ETag.", example = "1")
                    Precondition precondition) {
        clients.delete(new ApiClientId(id), precondition, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
