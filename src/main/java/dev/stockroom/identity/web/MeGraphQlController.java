package dev.stockroom.identity.web;

import dev.stockroom.identity.UserAccounts;
import dev.stockroom.shared.security.Caller;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code me} in GraphQL: any valid token may ask who it belongs to, as at {@code GET /v1/me}. */
@Controller
class MeGraphQlController {

    private final UserAccounts users;

    MeGraphQlController(UserAccounts users) {
        this.users = users;
    }

    @QueryMapping
    MeResponse me() {
        return MeResponse.of(Caller.current(), users);
    }
}
