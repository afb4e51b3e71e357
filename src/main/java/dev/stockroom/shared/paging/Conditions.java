package dev.stockroom.shared.paging;

import dev.stockroom.shared.database.LikePatterns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a list: SQL conditions joined with {@code and}, and the named parameters they use. Instants
 * are bound as UTC {@code timestamptz} values.
 */
public final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private boolean nothing;

    public Conditions add(String condition) {
        conditions.add(condition);
        return this;
    }

    public Conditions add(String condition, String parameter, Object value) {
        parameters.put(parameter, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        return add(condition);
    }

    /** Adds the condition only when the value is given: an absent filter keeps every row. */
    public Conditions addIfPresent(String condition, String parameter, @Nullable Object value) {
        return value == null ? this : add(condition, parameter, value);
    }

    /**
     * Rows where any of the text columns contains {@code text}, case-insensitively and with wildcards taken
     * literally; an absent or empty text keeps every row.
     */
    public Conditions containing(@Nullable String text, String... columns) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        var matches = Arrays.stream(columns)
                .map(column -> column + " ilike :pattern escape '\\'")
                .toList();
        return add("(" + String.join(" or ", matches) + ")", "pattern", LikePatterns.containing(text));
    }

    /** No row can match: the page is empty and not read at all (the cursor is still checked). */
    public Conditions nothing() {
        nothing = true;
        return this;
    }

    boolean matchNothing() {
        return nothing;
    }

    /** The {@code where} clause of these conditions and, if given, one more; empty when there are none. */
    String where(@Nullable String also) {
        var all = new ArrayList<>(conditions);
        if (also != null) {
            all.add(also);
        }
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
