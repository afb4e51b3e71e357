package dev.stockroom.shared.web;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code Location} headers for resources created under the current request's path. */
public final class Locations {

    private Locations() {}

    /** The URI of the child {@code id} of the current request's URI ({@code POST /v1/things} → {@code /v1/things/{id}}). */
    public static URI child(Object id) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
    }
}
