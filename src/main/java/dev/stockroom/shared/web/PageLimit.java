package dev.stockroom.shared.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code limit} of a list's parameters: 1 to {@value #MAX}, {@value #DEFAULT} when absent. Declared once
 * here, with its documentation, for every list's parameter record ({@link PageParameters} for lists without
 * filters).
 */
@Documented
@Constraint(validatedBy = {})
@Min(1) @Max(PageLimit.MAX) @Parameter(
        description = "Page size, 1 to 100.",
        example = "20",
        schema = @Schema(type = "integer", format = "int32", defaultValue = "20", minimum = "1", maximum = "100"))
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PageLimit {

    int DEFAULT = 20;
    int MAX = 100;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
