package dev.stockroom.shared;

import java.util.List;
import java.util.Map;

/**
 * Several inputs are invalid for reasons only the domain can tell (a product that does not exist, the same
 * product twice): answered as a 422 listing each, like a validation failure.
 */
public final class InvalidRequest extends DomainException {

    private InvalidRequest(List<Map<String, Object>> errors) {
        super(
                Kind.UNPROCESSABLE,
                errors.size() == 1
                        ? String.valueOf(errors.getFirst().get("detail"))
                        : errors.size() + " fields are invalid.");
        with("errors", errors);
    }

    /** Collects invalid body members, then throws them all at once. */
    public static final class Builder {
        private final java.util.ArrayList<Map<String, Object>> errors = new java.util.ArrayList<>();

        public Builder pointer(String pointer, String detail, String code) {
            errors.add(error("pointer", pointer, detail, code));
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidRequest(List.copyOf(errors));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
