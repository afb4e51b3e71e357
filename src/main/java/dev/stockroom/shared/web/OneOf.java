package dev.stockroom.shared.web;

import dev.stockroom.shared.WireValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A JSON string member (or the content of an {@code Optional} one) that must be one of an enum's {@link WireValue wire values}. Bodies are checked with
 * this rather than bound to the enum, so that a wrong value is listed with every other invalid member instead of
 * failing the whole body; the OpenAPI document takes the allowed values from the same enum.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    /** The enum whose wire values are allowed; it implements {@link WireValue}. */
    Class<? extends WireValue> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a value against the enum, and says which values are allowed when it is not one of them. */
    final class Validator implements ConstraintValidator<OneOf, Object> {

        private List<String> allowed = List.of();
        private String refusal = "";

        @Override
        public void initialize(OneOf annotation) {
            allowed = WireValue.values(annotation.value());
            refusal = "must be one of " + WireValue.allowed(annotation.value());
        }

        @Override
        public boolean isValid(@Nullable Object member, ConstraintValidatorContext context) {
            // A member of a merge patch is an Optional: absent, or present with the value to check.
            @Nullable Object value = member instanceof Optional<?> optional ? optional.orElse(null) : member;
            if (value == null || allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
            return false;
        }
    }
}
