package dev.stockroom.identity;

/** A client just registered, with its secret: the only time the secret exists in clear. */
public record CreatedApiClient(ApiClient client, String secret) {

    @Override
    public String toString() {
        return "CreatedApiClient[client=" + client + "]";
    }
}
