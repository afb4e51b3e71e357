package dev.stockroom.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every input to {@link InputBounds} at the three places inputs are bound, once for all endpoints: the
 * query string and bound headers ({@link InputGuardFilter}, before anything else reads them), query parameters
 * bound as decimals and instants ({@link #boundedParameters}), and JSON body members (every
 * string, decimal and instant Jackson reads, in any record, list or {@code Optional}).
 */
@Configuration(proxyBeanMethods = false)
class InputBoundsConfiguration {

    @Bean
    FilterRegistrationBean<InputGuardFilter> inputGuardFilter(Problems problems) {
        var registration = new FilterRegistrationBean<>(new InputGuardFilter(problems));
        // Right after the request id and the body size limit: before authentication, idempotency and binding.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer boundedJson() {
        var module = new SimpleModule("stockroom-input-bounds");
        module.setDeserializerModifier(new BoundedDeserializers());
        return builder -> builder.addModule(module);
    }

    /** A query parameter (or path variable) outside {@link InputBounds}; answered as 422 naming the parameter. */
    static final class OutOfBounds extends IllegalArgumentException {
        private final InputBounds.Violation violation;

        OutOfBounds(InputBounds.Violation violation) {
            super(violation.detail());
            this.violation = violation;
        }

        InputBounds.Violation violation() {
            return violation;
        }
    }

    /** A JSON body member outside {@link InputBounds}; Jackson adds its path, which becomes the pointer. */
    static final class OutOfBoundsMember extends MismatchedInputException {
        private final InputBounds.Violation violation;

        OutOfBoundsMember(JsonParser parser, InputBounds.Violation violation, Class<?> type) {
            super(parser, violation.detail(), type);
            this.violation = violation;
        }

        InputBounds.Violation violation() {
            return violation;
        }
    }

    private static String bounded(String source) {
        String text = source.trim();
        if (text.length() > InputBounds.MAX_SCALAR_TEXT) {
            throw new OutOfBounds(InputBounds.tooLong(InputBounds.MAX_SCALAR_TEXT));
        }
        return text;
    }

    private static <T> T within(T value, InputBounds.@Nullable Violation violation) {
        if (violation != null) {
            throw new OutOfBounds(violation);
        }
        return value;
    }

    /**
     * Query parameters and path variables of the bounded types. Registered as property editors of every binder
     * ({@link BinderEditors}), which Spring consults before any converter, so no other conversion of these types
     * can take their place.
     */
    @Bean
    BinderEditors boundedParameters() {
        return binder -> {
            binder.registerCustomEditor(BigDecimal.class, new Editor<>(text -> {
                var value = new BigDecimal(text);
                return within(value, InputBounds.check(value));
            }));
            binder.registerCustomEditor(OffsetDateTime.class, new Editor<>(text -> {
                var value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME);
                return within(value, InputBounds.check(value));
            }));
            binder.registerCustomEditor(Instant.class, new Editor<>(text -> {
                var value = Instant.parse(text);
                return within(value, InputBounds.check(value));
            }));
        };
    }

    private static final class Editor<T> extends PropertyEditorSupport {
        private final Function<String, T> parse;

        Editor(Function<String, T> parse) {
            this.parse = parse;
        }

        /** Spring reports only an {@link IllegalArgumentException} as a mismatch (422), so every refusal is one. */
        @Override
        public void setAsText(@Nullable String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(parse.apply(bounded(text)));
            } catch (IllegalArgumentException refused) {
                throw refused;
            } catch (RuntimeException unparseable) {
                throw new IllegalArgumentException(unparseable.getMessage(), unparseable);
            }
        }
    }

    /** Wraps Jackson's own deserializers of the bounded types, keeping all their parsing and coercion rules. */
    static final class BoundedDeserializers extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config,
                tools.jackson.databind.BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            Class<?> type = deserializer.handledType();
            return type == String.class
                            || type == BigDecimal.class
                            || type == OffsetDateTime.class
                            || type == Instant.class
                    ? new Bounded(deserializer)
                    : deserializer;
        }
    }

    static final class Bounded extends DelegatingDeserializer {
        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            InputBounds.@Nullable Violation violation = switch (value) {
                case String text -> InputBounds.check(text, true);
                case BigDecimal decimal -> InputBounds.check(decimal);
                case OffsetDateTime dateTime -> InputBounds.check(dateTime);
                case Instant instant -> InputBounds.check(instant);
                case null, default -> null;
            };
            if (violation != null) {
                throw new OutOfBoundsMember(parser, violation, handledType());
            }
            return value;
        }
    }
}
