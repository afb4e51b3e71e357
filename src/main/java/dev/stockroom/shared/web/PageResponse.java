package dev.stockroom.shared.web;

import dev.stockroom.shared.paging.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list, as every list endpoint answers it. When another page follows, the response also has a
 * {@code Link: <...>; rel="next"} header with the same query and the next cursor.
 */
public record PageResponse<T>(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The items of this page, in the requested order.")
        List<T> data,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Opaque cursor of the next page; pass it as `cursor` with the same filters and"
                        + " sort. Null on the last page.",
                example = "eyJxdWVyeSI6InByb2R1Y3RzIn0.c2lnbmF0dXJl")
        @Nullable String nextCursor) {

    /** The page as a 200 response, with the {@code Link} header pointing at the next page if there is one. */
    public static <S, T> ResponseEntity<PageResponse<T>> ok(Page<S> page, Function<? super S, T> mapper) {
        var body = new PageResponse<T>(page.items().stream().<T>map(mapper).toList(), page.nextCursor());
        var response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(body);
    }
}
