package dev.stockroom.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of every error body, for the OpenAPI document only: at run time the body is a Spring
 * {@link org.springframework.http.ProblemDetail} built by {@link Problems}.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem details object; every 4xx and 5xx answer has one.")
record ProblemDocument(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Stable URI of the kind of problem; switch on this.",
                example = "https://stockroom.dev/problems/validation-error")
        URI type,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Short summary of the kind of problem.",
                example = "Validation failed")
        String title,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The HTTP status code.", example = "422")
        int status,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What went wrong in this occurrence, for people.",
                example = "2 fields are invalid.")
        String detail,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The path of the request that failed.",
                example = "/v1/products")
        URI instance,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Id of the request, as in the `X-Request-Id` header and the logs.",
                example = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
        @JsonProperty("request_id")
        String requestId,

        @Schema(description = "Every invalid input, on validation errors (422).") @Nullable List<ValidationError> errors) {}
