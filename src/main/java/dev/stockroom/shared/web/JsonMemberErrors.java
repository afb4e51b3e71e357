package dev.stockroom.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every invalid member of a JSON body, not just the first. Jackson stops at the first unknown, wrongly typed or
 * out-of-bounds member; this reads the body again without each member found so far until it binds or nothing
 * more can be learnt, so the client sees all of them in one answer, and what did bind can still be validated
 * ({@link ApiExceptionHandler} adds Bean Validation's errors of the rest). Only on the error path: a body that
 * binds is read once, as always. The rounds are bounded by {@link #MAX_ERRORS}.
 */
final class JsonMemberErrors {

    /** No body needs more to be understood; past this the answer lists what was found so far. */
    static final int MAX_ERRORS = 50;

    private JsonMemberErrors() {}

    /**
     * The members of a body that failed to bind, and the body bound without them (null when it still could not
     * bind: then only these errors are known).
     */
    static final class Invalid extends RuntimeException {
        private final List<ValidationError> errors;
        private final transient @Nullable Object remainder;

        Invalid(List<ValidationError> errors, @Nullable Object remainder) {
            super(errors.size() + " body members are invalid", null, false, false);
            this.errors = List.copyOf(errors);
            this.remainder = remainder;
        }

        List<ValidationError> errors() {
            return errors;
        }

        @Nullable Object remainder() {
            return remainder;
        }
    }

    /** Whether the failure is about a value or a member (a 422), rather than about the JSON itself (a 400). */
    static boolean isInvalidValue(JacksonException failure) {
        return failure instanceof MismatchedInputException
                || failure instanceof InputCoercionException
                || failure instanceof PropertyBindingException;
    }

    /** Whether the failure is one member's (it has a path), so reading on without it can find the others. */
    static boolean isMemberError(JacksonException failure) {
        return isInvalidValue(failure) && !failure.getPath().isEmpty();
    }

    /**
     * Starting from the first failure of {@code body}, every member error; null when the body is not JSON that
     * can be read as a tree (then the first failure is all there is to say).
     */
    static @Nullable Invalid collect(JsonMapper mapper, JavaType type, byte[] body, JacksonException first) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException unreadable) {
            return null;
        }
        var errors = new ArrayList<ValidationError>();
        var seen = new HashSet<String>();
        JacksonException failure = first;
        while (errors.size() < MAX_ERRORS) {
            String pointer = pointerOf(failure);
            if (!seen.add(pointer)) {
                break;
            }
            errors.add(errorOf(failure, pointer));
            if (!leaveOut(tree, pointer)) {
                break;
            }
            try {
                return new Invalid(errors, mapper.readerFor(type).readValue(mapper.writeValueAsBytes(tree)));
            } catch (JacksonException next) {
                if (!isMemberError(next)) {
                    break;
                }
                failure = next;
            }
        }
        return new Invalid(errors, null);
    }

    /** What is wrong with one member, for the 422: unknown, out of {@link InputBounds}, or of the wrong type. */
    static ValidationError errorOf(JacksonException failure, String pointer) {
        if (failure instanceof InputBoundsConfiguration.OutOfBoundsMember outOfBounds) {
            var violation = outOfBounds.violation();
            return ValidationError.atPointer(pointer, violation.detail(), violation.code());
        }
        if (failure instanceof PropertyBindingException unknown) {
            return ValidationError.atPointer(
                    pointer,
                    "'%s' is not a property that can be set here.".formatted(unknown.getPropertyName()),
                    "unknown_property");
        }
        return ValidationError.atPointer(
                pointer, "The value has the wrong JSON type or is out of range.", "invalid_type");
    }

    /** The failure's JSON Pointer, from the wire names Jackson read ({@code /lines/0/quantity}). */
    static String pointerOf(JacksonException failure) {
        var pointer = new StringBuilder();
        for (var reference : failure.getPath()) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /**
     * Takes the member out of the tree: an object's member is removed (as if never sent); a list element becomes
     * null, so that the elements after it keep their indexes and so their pointers.
     */
    private static boolean leaveOut(JsonNode tree, String pointer) {
        var path = JsonPointer.compile(pointer);
        var parent = tree.at(path.head());
        var last = path.last();
        if (parent instanceof ObjectNode object && object.has(last.getMatchingProperty())) {
            object.remove(last.getMatchingProperty());
            return true;
        }
        if (parent instanceof ArrayNode array && last.mayMatchElement() && last.getMatchingIndex() < array.size()) {
            if (array.get(last.getMatchingIndex()).isNull()) {
                return false;
            }
            array.set(last.getMatchingIndex(), array.nullNode());
            return true;
        }
        return false;
    }
}
