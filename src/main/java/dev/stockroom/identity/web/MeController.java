package dev.stockroom.identity.web;

import dev.stockroom.identity.UserAccounts;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.RequiresToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/me}: any valid token may ask who it belongs to. */
@RestController
@Tag(name = "Users")
class MeController {

    private final UserAccounts users;

    MeController(UserAccounts users) {
        this.users = users;
    }

    @GetMapping(path = "/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresToken
    @Operation(summary = "Who am I", description = "The caller of this request: subject, kind and scopes.")
    @ApiResponse(responseCode = "200", description = "The caller.")
    MeResponse me() {
        return MeResponse.of(Caller.current(), users);
    }
}
