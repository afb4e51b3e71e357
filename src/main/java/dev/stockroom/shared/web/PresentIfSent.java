package dev.stockroom.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * For PATCH fields that may be left out but must not be set to {@code null}. The request field is an
 * {@link Optional}: {@code null} when the member was absent, empty when it was an explicit JSON null (see
 * {@code JsonConfiguration}); only the second is invalid.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PresentIfSent.Validator.class)
public @interface PresentIfSent {

    String message() default "must not be null; leave the field out to keep its value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks that an {@link Optional} is absent ({@code null}) or holds a value. */
    class Validator implements ConstraintValidator<PresentIfSent, Optional<?>> {
        @Override
        @SuppressWarnings("OptionalAssignedToNull")
        public boolean isValid(@Nullable Optional<?> value, ConstraintValidatorContext context) {
            return value == null || value.isPresent();
        }
    }
}
