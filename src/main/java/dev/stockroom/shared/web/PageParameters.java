package dev.stockroom.shared.web;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/**
 * {@code limit} and {@code cursor}, the parameters of a list without filters. Lists with filters bind one record
 * of their own, all their parameters in it, so that every invalid parameter is reported at once.
 */
@ParameterObject
public record PageParameters(
        @PageLimit @Nullable Integer limit,
        @PageCursor @Nullable String cursor) {

    /** The page size asked for, or the default. */
    public int size() {
        return size(limit);
    }

    /** The page size a {@link PageLimit} parameter asks for, or the default when it is absent. */
    public static int size(@Nullable Integer limit) {
        return limit == null ? PageLimit.DEFAULT : limit;
    }
}
