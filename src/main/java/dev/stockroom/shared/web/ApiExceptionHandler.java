package dev.stockroom.shared.web;

import dev.stockroom.shared.DomainException;
import dev.stockroom.shared.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one place where exceptions become RFC 9457 problem details. Spring MVC's own exceptions go through
 * {@link ResponseEntityExceptionHandler} (which also sets headers such as {@code Allow}); JSON and validation
 * failures become 422 with every invalid field; domain refusals map by their kind; anything unexpected is
 * logged in full and answered with a 500 that reveals nothing of the internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /**
     * The code of a value outside an enum's wire values. It was a regular expression before the enums said their
     * values themselves, and clients match on the code, so it stays.
     */
    private static final String ONE_OF = "pattern";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private final Problems problems;
    private final ProblemSecurityHandlers security;
    private final SpringValidatorAdapter validator;

    ApiExceptionHandler(Problems problems, ProblemSecurityHandlers security, Validator validator) {
        this.problems = problems;
        this.security = security;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * Method security refused: the caller is authenticated (every {@code /v1} request is, before it gets here)
     * but the token lacks the operation's scope.
     */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        security.handle(request, response, ex);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
        return respond(ex, problems.of(ex), new HttpHeaders(), request);
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLarge ex, WebRequest request) {
        var problem = problems.forStatus(HttpStatus.CONTENT_TOO_LARGE, Objects.requireNonNull(ex.getMessage()));
        var headers = new HttpHeaders();
        headers.setConnection("close");
        return respond(ex, problem, headers, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        log.warn("Data integrity violation not caught by validation", ex);
        String detail = ex instanceof DuplicateKeyException
                ? "A resource with the same unique value already exists."
                : "The request conflicts with the stored data.";
        return respond(ex, problems.forStatus(HttpStatus.CONFLICT, detail), new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while handling {}", describe(request), ex);
        var problem = problems.forStatus(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the request id when you report it.");
        return respond(ex, problem, new HttpHeaders(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        @Nullable PayloadTooLarge tooLarge = causeOfType(ex, PayloadTooLarge.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        JsonMemberErrors.@Nullable Invalid members = causeOfType(ex, JsonMemberErrors.Invalid.class);
        @Nullable JacksonException json = causeOfType(ex, JacksonException.class);
        ProblemDetail problem;
        if (members != null) {
            problem = problems.validation(withRemainderErrors(members));
        } else if (json != null && JsonMemberErrors.isInvalidValue(json)) {
            problem = problems.validation(List.of(JsonMemberErrors.errorOf(json, JsonMemberErrors.pointerOf(json))));
        } else if (json instanceof StreamReadException) {
            problem = problems.forStatus(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON.");
        } else {
            problem = problems.forStatus(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read.");
        }
        return respond(ex, problem, headers, request);
    }

    /**
     * The invalid members of a body, and Bean Validation's errors of what did bind, as {@code @Valid} would have
     * found them: every error at once. A member already reported (or inside one) is not reported again as missing.
     */
    private List<ValidationError> withRemainderErrors(JsonMemberErrors.Invalid members) {
        var errors = new ArrayList<>(members.errors());
        Object remainder = members.remainder();
        if (remainder == null) {
            return errors;
        }
        var result = new BeanPropertyBindingResult(remainder, "body");
        validator.validate(remainder, result);
        for (var error : bodyErrors(result)) {
            String pointer = String.valueOf(error.pointer());
            if (members.errors().stream()
                    .map(ValidationError::pointer)
                    .noneMatch(reported -> pointer.equals(reported) || pointer.startsWith(reported + "/"))) {
                errors.add(error);
            }
        }
        return errors;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameter().hasParameterAnnotation(RequestBody.class)
                ? bodyErrors(ex.getBindingResult())
                : parameterErrors(ex.getBindingResult());
        return respond(ex, problems.validation(errors), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<ValidationError>();
        for (var result : ex.getParameterValidationResults()) {
            if (result instanceof org.springframework.validation.method.ParameterErrors bound) {
                errors.addAll(
                        bound.getMethodParameter().hasParameterAnnotation(RequestBody.class)
                                ? bodyErrors(bound)
                                : parameterErrors(bound));
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(ValidationError.atParameter(name, messageOf(error), codeOf(error)));
                }
            }
        }
        return respond(ex, problems.validation(errors), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            var parameter = mismatch.getParameter();
            if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
                // A malformed id names no resource: to the client it is just not found.
                var problem = problems.forStatus(HttpStatus.NOT_FOUND, "No resource exists at this address.");
                return respond(ex, problem, headers, request);
            }
            var error = mismatchAt(parameterName(parameter), ex);
            return respond(ex, problems.validation(List.of(error)), headers, request);
        }
        return respond(
                ex,
                problems.forStatus(HttpStatus.BAD_REQUEST, "A request value has the wrong type."),
                headers,
                request);
    }

    /** No route: said as for an unknown id, never "No static resource ..." (a detail of how Spring looked). */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(
                ex, problems.forStatus(HttpStatus.NOT_FOUND, "No resource exists at this address."), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var error = ValidationError.atParameter(ex.getParameterName(), "is required", "required");
        return respond(ex, problems.validation(List.of(error)), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            var error = ValidationError.atParameter(missing.getHeaderName(), "is required", "required");
            return respond(ex, problems.validation(List.of(error)), headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail) {
            problem = detail;
        } else if (ex instanceof ErrorResponse spring) {
            // Spring MVC's own exceptions describe themselves without internals ("Method 'PUT' is not supported.").
            problem = problems.forStatus(
                    status,
                    spring.getBody().getDetail() == null
                            ? "The request failed."
                            : spring.getBody().getDetail());
        } else {
            problem = problems.forStatus(status, "The request failed.");
        }
        return respond(ex, problem, headers, request);
    }

    private ResponseEntity<Object> respond(
            Exception ex, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        if (request instanceof NativeWebRequest web && web.getNativeRequest() instanceof HttpServletRequest servlet) {
            problems.complete(problem, servlet);
        }
        var status = HttpStatusCode.valueOf(problem.getStatus());
        return super.createResponseEntity(problem, headers, status, request);
    }

    /** The errors of query parameters bound to one record: each named by its parameter, all of them at once. */
    private static List<ValidationError> parameterErrors(Errors result) {
        var errors = new ArrayList<ValidationError>();
        for (FieldError error : result.getFieldErrors()) {
            String name = snakeCase(error.getField());
            errors.add(
                    error.contains(TypeMismatchException.class)
                            ? mismatchAt(name, error.unwrap(TypeMismatchException.class))
                            : ValidationError.atParameter(name, messageOf(error), codeOf(error)));
        }
        return errors;
    }

    /** A query value that could not be converted: out of bounds, not one of an enum's values, or of another type. */
    private static ValidationError mismatchAt(String name, TypeMismatchException ex) {
        InputBoundsConfiguration.@Nullable OutOfBounds outOfBounds =
                causeOfType(ex, InputBoundsConfiguration.OutOfBounds.class);
        if (outOfBounds != null) {
            return ValidationError.atParameter(
                    name,
                    outOfBounds.violation().detail(),
                    outOfBounds.violation().code());
        }
        WireValueConfiguration.@Nullable UnknownWireValue unknown =
                causeOfType(ex, WireValueConfiguration.UnknownWireValue.class);
        if (unknown != null) {
            return ValidationError.atParameter(name, String.valueOf(unknown.getMessage()), ONE_OF);
        }
        return ValidationError.atParameter(
                name, "The value '%s' is not valid here.".formatted(shown(ex.getValue())), "invalid_type");
    }

    private static List<ValidationError> bodyErrors(Errors result) {
        var errors = new ArrayList<ValidationError>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(ValidationError.atPointer(toPointer(error.getField()), messageOf(error), codeOf(error)));
        }
        for (var error : result.getGlobalErrors()) {
            errors.add(ValidationError.atPointer("", messageOf(error), codeOf(error)));
        }
        return errors;
    }

    /** {@code lines[0].unitPrice} becomes {@code /lines/0/unit_price}. */
    static String toPointer(String field) {
        var pointer = new StringBuilder();
        for (String segment : field.replace("[", ".").replace("]", "").split("\\.")) {
            if (!segment.isEmpty()) {
                pointer.append('/').append(snakeCase(segment).replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        return Optional.ofNullable(parameter.getParameterAnnotation(RequestParam.class))
                .map(RequestParam::name)
                .filter(name -> !name.isEmpty())
                .or(() -> Optional.ofNullable(parameter.getParameterAnnotation(RequestHeader.class))
                        .map(RequestHeader::name)
                        .filter(name -> !name.isEmpty()))
                .orElseGet(() -> snakeCase(String.valueOf(parameter.getParameterName())));
    }

    /** A rejected value as quoted back: short enough to read, never the whole of a huge input. */
    private static String shown(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    static String messageOf(MessageSourceResolvable error) {
        return Optional.ofNullable(error.getDefaultMessage()).orElse("is invalid");
    }

    /** The constraint's name in snake_case ({@code DecimalMin} becomes {@code decimal_min}). */
    static String codeOf(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
        return code.equals(OneOf.class.getSimpleName()) ? ONE_OF : snakeCase(code);
    }

    private static String snakeCase(String name) {
        return CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(WebRequest request) {
        return request instanceof NativeWebRequest web && web.getNativeRequest() instanceof HttpServletRequest servlet
                ? servlet.getMethod() + " " + servlet.getRequestURI()
                : request.getDescription(false);
    }
}
