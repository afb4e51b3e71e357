package dev.stockroom.identity.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stockroom.identity.CreatedApiClient;
import io.swagger.v3.oas.annotations.media.Schema;

/** A client just registered: the client as {@link ClientResponse} shows it, plus the only copy of its secret. */
@Schema(name = "CreatedClient", description = "A newly registered API client, with its secret (shown only now).")
record CreatedClientResponse(
        @JsonUnwrapped ClientResponse client,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The client secret. Store it now: it is kept only as a hash and never shown again.",
                example = "q8Zk3v0yJ1mB6wT2rN5cX9hL4sD7fG0aP3eU6iO9kR2")
        String clientSecret) {

    @Override
    public String toString() {
        return "CreatedClientResponse[client=" + client + "]";
    }

    static CreatedClientResponse from(CreatedApiClient created) {
        return new CreatedClientResponse(ClientResponse.from(created.client()), created.secret());
    }
}
