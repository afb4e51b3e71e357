package dev.stockroom.identity.web;

import dev.stockroom.identity.ApiClients;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.shared.web.Locations;
import dev.stockroom.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
            summary = "Register an API client",
            description = "Answers the client secret once; only its hash is kept.")
    @ApiResponse(
            responseCode = "201",
            description = "Registered; the body has the secret.",
            headers = @Header(name = HttpHeaders.LOCATION))
    ResponseEntity<CreatedClientResponse> create(@Valid @RequestBody CreateClientRequest request) {
        var created = clients.register(request.toCommand());
        return ResponseEntity.created(Locations.child(created.client().id())).body(CreatedClientResponse.from(created));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(summary = "Get an API client")
    @ApiResponse(responseCode = "200", description = "The client, without its secret.")
    ClientResponse get(@PathVariable @Parameter(description = "Client resource id.") UUID id) {
        return ClientResponse.from(clients.get(id));
    }

    @GetMapping
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(summary = "List API clients", description = "In registration order, cursor-paginated.")
    @ApiResponse(responseCode = "200", description = "One page of clients.")
    ResponseEntity<PageResponse<ClientResponse>> list(
            @RequestParam(defaultValue = "20")
                    @Min(1) @Max(100) @Parameter(description = "Page size, 1 to 100.", example = "20")
                    int limit,
            @RequestParam(required = false)
                    @Size(max = 2048) @Parameter(description = "The `next_cursor` of the previous page.")
                    @Nullable String cursor) {
        return PageResponse.ok(clients.list(limit, cursor), ClientResponse::from);
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            summary = "Delete an API client",
            description = "Revokes its refresh tokens at once; it gets no new access token.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    ResponseEntity<Void> delete(@PathVariable @Parameter(description = "Client resource id.") UUID id) {
        clients.delete(id);
        return ResponseEntity.noContent().build();
    }
}
