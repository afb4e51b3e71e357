package dev.stockroom.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The optional body of a status transition. */
@Schema(name = "TransitionRequest", description = "Why the order changes status (optional).")
record TransitionRequest(
        @Schema(description = "Why, for the history; at most 500 characters.", example = "customer changed their mind")
        @Size(max = 500) @Nullable String reason) {}
