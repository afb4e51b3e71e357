package dev.stockroom.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A business rule said no. Each subclass is one kind of refusal with a stable {@code type} slug that clients
 * may switch on; the web edge turns the {@link Kind} into an HTTP status and the slug into the problem's type
 * URI, so the domain never speaks HTTP.
 */
public abstract class DomainException extends RuntimeException {

    /**
     * What kind of refusal this is; decides the HTTP status at the edge, and the problem type and title of a
     * refusal that has none of its own.
     */
    public enum Kind {
        NOT_FOUND("not-found", "Not Found"),
        FORBIDDEN("forbidden", "Forbidden"),
        CONFLICT("conflict", "Conflict"),
        PRECONDITION_FAILED("precondition-failed", "Precondition failed"),
        UNPROCESSABLE("validation-error", "Validation failed");

        private final String type;
        private final String title;

        Kind(String type, String title) {
            this.type = type;
            this.title = title;
        }
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** A refusal of the generic kind: its type and title are the kind's ({@code not-found}, "Not Found"). */
    protected DomainException(Kind kind, String detail) {
        this(kind, kind.type, kind.title, detail);
    }

    /** A refusal of its own kind, with a stable type slug clients may switch on. */
    protected DomainException(Kind kind, String type, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    /** Adds a machine-readable member to the problem body (snake_case name). */
    protected final void with(String name, @Nullable Object value) {
        properties.put(name, value);
    }

    /**
     * One entry of a problem's {@code errors} list, members in a fixed order.
     *
     * @param location {@code pointer} for a body member, {@code parameter} for a query parameter or header
     */
    protected static Map<String, Object> error(String location, String name, String detail, String code) {
        var error = new LinkedHashMap<String, Object>();
        error.put(location, name);
        error.put("detail", detail);
        error.put("code", code);
        return error;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable slug of this kind of problem, e.g. {@code duplicate-sku}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return String.valueOf(getMessage());
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
