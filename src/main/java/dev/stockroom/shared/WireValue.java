package dev.stockroom.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant with the name the API speaks for it ({@code pending}, {@code -created_at}). The enum is the
 * one list of allowed values: query parameters are converted with it, bodies are checked against it and the
 * OpenAPI document lists its values, so no copy of them is typed anywhere else.
 */
public interface WireValue {

    /** The constant's name on the wire. */
    String wireValue();

    /** The constant named {@code value} on the wire, if there is one. */
    static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.wireValue().equals(value))
                .findFirst();
    }

    /** Every wire name of {@code type}, in declaration order. */
    static List<String> values(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> ((WireValue) constant).wireValue())
                .toList();
    }

    /** The wire names as a refusal lists them: {@code "pending, confirmed, shipped"}. */
    static String allowed(Class<?> type) {
        return String.join(", ", values(type));
    }

    /**
     * The wire names as one regular expression, {@code "pending|confirmed"}; a sort whose every key also has a
     * descending {@code -key} is written {@code "-?(name|price)"}.
     */
    static String pattern(Class<?> type) {
        List<String> values = values(type);
        List<String> ascending =
                values.stream().filter(value -> !value.startsWith("-")).toList();
        boolean sort = ascending.size() * 2 == values.size()
                && ascending.stream().allMatch(value -> values.contains("-" + value));
        return sort ? ascending.stream().collect(Collectors.joining("|", "-?(", ")")) : String.join("|", values);
    }
}
