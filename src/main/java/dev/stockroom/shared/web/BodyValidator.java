package dev.stockroom.shared.web;

import dev.stockroom.shared.InvalidRequest;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Validates a request record as Spring MVC validates a {@code @Valid @RequestBody}, for the doors into a module
 * that are not Spring MVC handlers (GraphQL mutations): every invalid member at once, as an {@link
 * InvalidRequest} with the same pointers and codes a REST 422 has.
 */
@Component
public class BodyValidator {

    private final SpringValidatorAdapter validator;

    BodyValidator(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    public void validate(Object body) {
        var result = new BeanPropertyBindingResult(body, "body");
        validator.validate(body, result);
        if (!result.hasErrors()) {
            return;
        }
        var invalid = InvalidRequest.builder();
        for (var error : result.getFieldErrors()) {
            invalid.pointer(
                    ApiExceptionHandler.toPointer(error.getField()),
                    ApiExceptionHandler.messageOf(error),
                    ApiExceptionHandler.codeOf(error));
        }
        for (var error : result.getGlobalErrors()) {
            invalid.pointer("", ApiExceptionHandler.messageOf(error), ApiExceptionHandler.codeOf(error));
        }
        invalid.throwIfAny();
    }
}
