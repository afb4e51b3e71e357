package dev.stockroom.identity.web;

import dev.stockroom.identity.UserAccounts;
import dev.stockroom.identity.UserId;
import dev.stockroom.identity.UserSearch;
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

/** {@code /v1/users}: people, administered with {@code users:admin}. */
@RestController
@RequestMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "People who sign in, and their roles.")
class UserController {

    private final UserAccounts users;

    UserController(UserAccounts users) {
        this.users = users;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "The role may hold no scope the caller's token lacks, so nobody creates a user above"
                    + " themselves (403 `scope-not-held`). A caller bound to a customer creates no users (403"
                    + " `bound-client`).")
    @ApiResponse(
            responseCode = "201",
            description = "Created.",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)})
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the role holds scopes the caller lacks"
                    + " (`scope-not-held`, pointer `/role`, with `missing_scopes`); or the caller is bound to a"
                    + " customer (`bound-client`).")
    @ApiResponse(responseCode = "409", description = "Another user has this email.")
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        var user = users.create(request.toCommand(), Caller.current());
        var location = Locations.child(user.id().value());
        return ResponseEntity.created(location).eTag(ETags.of(user.version())).body(UserResponse.from(user));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(operationId = "getUser", summary = "Get a user")
    @ApiResponse(responseCode = "200", description = "The user.", headers = @Header(name = HttpHeaders.ETAG))
    ResponseEntity<UserResponse> get(@PathVariable @Parameter(description = "User id.") UUID id) {
        var user = users.get(new UserId(id));
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserResponse.from(user));
    }

    @GetMapping
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(operationId = "listUsers", summary = "List users", description = "In creation order, cursor-paginated.")
    @ApiResponse(responseCode = "200", description = "One page of users.")
    ResponseEntity<PageResponse<UserResponse>> list(@Valid PageParameters page) {
        return PageResponse.ok(users.list(new UserSearch(page.size(), page.cursor())), UserResponse::from);
    }

    @MergePatchMapping(path = "/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "updateUser",
            summary = "Change a user",
            description = "Only the fields sent change. Any change (disabling the user, or changing the password,"
                    + " role or email) revokes their refresh tokens and ends their sign-in sessions at once. Only a"
                    + " caller holding every scope of the user's role, and of the new role, may change them (403"
                    + " `scope-not-held`); a caller bound to a customer changes no users (403 `bound-client`).")
    @ApiResponse(responseCode = "200", description = "The user as changed.", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the user's role, or the new role (pointer `/role`),"
                    + " holds scopes the caller lacks (`scope-not-held`); or the caller is bound to a customer"
                    + " (`bound-client`).")
    @ApiResponse(responseCode = "409", description = "Another user has this email.")
    ResponseEntity<UserResponse> update(
            @PathVariable @Parameter(description = "User id.") UUID id,
            @IfMatch(description = "Change only if the user still has this ETag.", example = "1")
                    Precondition precondition,
            @Valid @RequestBody UpdateUserRequest request) {
        var user = users.change(new UserId(id), request.toChanges(), precondition, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserResponse.from(user));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scopes.USERS_ADMIN)
    @Operation(
            operationId = "deleteUser",
            summary = "Delete a user",
            description = "Revokes their refresh tokens and ends their sign-in sessions at once. Only a caller"
                    + " holding every scope of the user's role may delete them.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `users:admin`; or the user's role holds scopes the caller lacks"
                    + " (`scope-not-held`); or the caller is bound to a customer (`bound-client`).")
    ResponseEntity<Void> delete(
            @PathVariable @Parameter(description = "User id.") UUID id,
            @IfMatch(description = "Delete only if the user still has this ETag.", example = "1")
                    Precondition precondition) {
        users.delete(new UserId(id), precondition, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
