package dev.stockroom.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One invalid input. Body fields are named by a JSON Pointer (RFC 6901); query parameters and headers by name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ValidationError", description = "One invalid input of a request.")
public record ValidationError(
        @Schema(description = "JSON Pointer to the invalid body member.", example = "/price") @Nullable String pointer,

        @Schema(description = "Name of the invalid query parameter or header.", example = "limit") @Nullable String parameter,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What is wrong, for people.",
                example = "must be greater than 0")
        String detail,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What is wrong, for programs: a stable snake_case code.",
                example = "decimal_min")
        String code) {

    public static ValidationError atPointer(String pointer, String detail, String code) {
        return new ValidationError(pointer, null, detail, code);
    }

    public static ValidationError atParameter(String parameter, String detail, String code) {
        return new ValidationError(null, parameter, detail, code);
    }
}
