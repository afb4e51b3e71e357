package dev.stockroom.webhooks;

import dev.stockroom.shared.DomainException;
import java.util.List;

/**
 * A subscription URL that may not receive webhooks: not https, or pointing (or resolving) inside our network.
 * Answered as 422 with the pointer {@code /url}.
 */
public final class RefusedUrl extends DomainException {

    private RefusedUrl(String detail) {
        super(Kind.UNPROCESSABLE, detail);
        with("errors", List.of(error("pointer", "/url", detail, "refused_url")));
    }

    public static RefusedUrl because(String detail) {
        return new RefusedUrl(detail);
    }
}
