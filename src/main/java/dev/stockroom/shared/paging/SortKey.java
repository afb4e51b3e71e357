package dev.stockroom.shared.paging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order of a keyset-paginated list: a column, its direction and the item's id as tie breaker (in the same
 * direction), so the order is total. It also says how a {@link Position} in that order travels in a cursor,
 * in one place for every list: the sort value and the id as strings.
 *
 * @param <T> the items of the list
 * @param <V> the type of the sort value
 */
public final class SortKey<T, V> {

    private final String column;
    private final boolean descending;
    private final ValueType<V> type;
    private final Function<? super T, V> valueOf;
    private final Function<? super T, UUID> idOf;

    private SortKey(
            String column,
            boolean descending,
            ValueType<V> type,
            Function<? super T, V> valueOf,
            Function<? super T, UUID> idOf) {
        this.column = column;
        this.descending = descending;
        this.type = type;
        this.valueOf = valueOf;
        this.idOf = idOf;
    }

    /** Ascending by a {@code timestamptz} column. */
    public static <T> SortKey<T, Instant> instant(
            String column, Function<? super T, Instant> valueOf, Function<? super T, UUID> idOf) {
        return new SortKey<>(column, false, ValueType.INSTANT, valueOf, idOf);
    }

    /** Ascending by a text column. */
    public static <T> SortKey<T, String> text(
            String column, Function<? super T, String> valueOf, Function<? super T, UUID> idOf) {
        return new SortKey<>(column, false, ValueType.TEXT, valueOf, idOf);
    }

    /** Ascending by a numeric column. */
    public static <T> SortKey<T, BigDecimal> decimal(
            String column, Function<? super T, BigDecimal> valueOf, Function<? super T, UUID> idOf) {
        return new SortKey<>(column, false, ValueType.DECIMAL, valueOf, idOf);
    }

    /** The same key in the opposite direction. */
    public SortKey<T, V> reversed() {
        return new SortKey<>(column, !descending, type, valueOf, idOf);
    }

    String orderBy() {
        String direction = descending ? "desc" : "asc";
        return "%s %s, id %s".formatted(column, direction, direction);
    }

    /** The condition that keeps the rows strictly after the position named by the two parameters. */
    String after(String valueParameter, String idParameter) {
        return "(%s, id) %s (:%s, :%s)".formatted(column, descending ? "<" : ">", valueParameter, idParameter);
    }

    Position<V> positionOf(T item) {
        return new Position<>(valueOf.apply(item), idOf.apply(item));
    }

    Object parameter(V value) {
        return type.parameter().apply(value);
    }

    List<String> write(Position<V> position) {
        return List.of(type.write().apply(position.value()), position.id().toString());
    }

    /** Reads a position written by {@link #write}, or throws {@link InvalidCursor}. */
    Position<V> read(List<String> written) {
        if (written.size() != 2) {
            throw InvalidCursor.notIssued();
        }
        try {
            return new Position<>(type.read().apply(written.get(0)), UUID.fromString(written.get(1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw InvalidCursor.notIssued();
        }
    }

    /** How a sort value is written in a cursor, read back, and bound as an SQL parameter. */
    private record ValueType<V>(Function<V, String> write, Function<String, V> read, Function<V, Object> parameter) {

        static final ValueType<String> TEXT = new ValueType<>(value -> value, value -> value, value -> value);
        static final ValueType<BigDecimal> DECIMAL =
                new ValueType<>(BigDecimal::toPlainString, BigDecimal::new, value -> value);
        static final ValueType<Instant> INSTANT =
                new ValueType<>(Instant::toString, Instant::parse, value -> value.atOffset(ZoneOffset.UTC));
    }
}
