package dev.stockroom.shared.graphql;

import dev.stockroom.shared.web.InputBounds;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The scalars of the schema: exact money and RFC 3339 instants, as strings. */
final class Scalars {

    /** At most this many digits in a money input, as REST's bounds on decimals. */
    private static final int MAX_DIGITS = 20;

    static final GraphQLScalarType MONEY = GraphQLScalarType.newScalar()
            .name("Money")
            .description("An exact decimal amount, as a string with its scale kept (\"17.50\").")
            .coercing(new MoneyCoercing())
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant in RFC 3339, UTC.")
            .coercing(new DateTimeCoercing())
            .build();

    private Scalars() {}

    private static final String MONEY_FORMAT =
            "Money is an exact decimal such as \"17.50\", with at most 20 integer and 20 fraction digits.";

    private static final String DATE_TIME_FORMAT =
            "DateTime is an RFC 3339 instant between years 0001 and 9999, such as 2026-01-31T09:30:00Z.";

    private static final class MoneyCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            throw new CoercingSerializeException(
                    "Not an amount: " + value.getClass().getSimpleName());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            String text = input instanceof String string ? string : input instanceof Number ? input.toString() : null;
            var amount = text == null ? null : amount(text);
            if (amount == null) {
                throw new CoercingParseValueException(MONEY_FORMAT);
            }
            return amount;
        }

        @Override
        public BigDecimal parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            @Nullable BigDecimal amount = switch (input) {
                case StringValue string -> amount(String.valueOf(string.getValue()));
                case IntValue integer -> amount(integer.getValue().toString());
                case FloatValue decimal -> amount(decimal.getValue().toPlainString());
                default -> null;
            };
            if (amount == null) {
                throw new CoercingParseLiteralException(MONEY_FORMAT);
            }
            return amount;
        }

        private static @Nullable BigDecimal amount(String text) {
            if (text.length() > MAX_DIGITS + 2) {
                return null;
            }
            try {
                var amount = new BigDecimal(text);
                return InputBounds.check(amount) == null ? amount : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static final class DateTimeCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            throw new CoercingSerializeException(
                    "Not an instant: " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            var instant = input instanceof String text ? instant(text) : null;
            if (instant == null) {
                throw new CoercingParseValueException(DATE_TIME_FORMAT);
            }
            return instant;
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            var instant = input instanceof StringValue text ? instant(String.valueOf(text.getValue())) : null;
            if (instant == null) {
                throw new CoercingParseLiteralException(DATE_TIME_FORMAT);
            }
            return instant;
        }

        private static @Nullable Instant instant(String text) {
            if (text.length() > 64) {
                return null;
            }
            try {
                var instant = java.time.OffsetDateTime.parse(text).toInstant();
                return InputBounds.check(instant) == null ? instant : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
