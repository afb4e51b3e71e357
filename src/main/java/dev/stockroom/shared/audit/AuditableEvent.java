package dev.stockroom.shared.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A state change worth recording, published by the module that made it as a typed, past-tense event
 * ({@code ProductCreated}, {@code OrderCancelled}, ...) inside the transaction that made it;
 * the audit module records it in that same transaction, so a change that rolls back leaves no record. Values in
 * {@link #changes()} are plain JSON values and never secrets.
 */
public interface AuditableEvent {

    /** What happened, as {@code resource.verb}: {@code product.created}, {@code order.cancelled}. */
    String action();

    String resourceType();

    String resourceId();

    /** The changed fields, each with its value before and after (null before a creation, after a deletion). */
    Map<String, Change> changes();

    /** One field's value before and after. */
    record Change(@Nullable Object before, @Nullable Object after) {}

    /** The fields whose values differ between two snapshots. */
    static Map<String, Change> between(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        var changes = new LinkedHashMap<String, Change>();
        for (String field : fields) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.put(field, new Change(was, is));
            }
        }
        return changes;
    }

    /** Every field of a new resource. */
    static Map<String, Change> created(Map<String, ?> after) {
        return between(Map.of(), after);
    }

    /** Every field of a removed resource. */
    static Map<String, Change> deleted(Map<String, ?> before) {
        return between(before, Map.of());
    }
}
