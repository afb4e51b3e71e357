package dev.stockroom.shared.web;

import dev.stockroom.shared.WireValue;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.constraints.NotNull;
import java.beans.PropertyEditorSupport;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * Enums that implement {@link WireValue}, in both directions: query parameters are bound to them by their wire
 * names ({@link #wireValueBinding}), and the OpenAPI document lists those names (and a pattern over them) for every parameter of such
 * a type and every body member checked with {@link OneOf}.
 */
@Configuration(proxyBeanMethods = false)
class WireValueConfiguration {

    @Bean
    ParameterCustomizer wireValueParameters() {
        return (parameter, methodParameter) -> {
            Class<?> type = methodParameter.getParameterType();
            if (parameter != null && isWireValue(type)) {
                parameter.setSchema(schemaOf(type));
            }
            return parameter;
        };
    }

    @Bean
    PropertyCustomizer wireValueProperties() {
        return (property, type) -> {
            @Nullable OneOf oneOf = type.getCtxAnnotations() == null
                    ? null
                    : Arrays.stream(type.getCtxAnnotations())
                            .filter(OneOf.class::isInstance)
                            .map(OneOf.class::cast)
                            .findFirst()
                            .orElse(null);
            if (oneOf != null && property != null) {
                allowOnly(property, oneOf.value(), required(type.getCtxAnnotations()));
            }
            return property;
        };
    }

    @SuppressWarnings("unchecked") // a body member checked with OneOf is a string
    private static void allowOnly(Schema<?> property, Class<?> type, boolean required) {
        ((Schema<Object>) property).setEnum(List.copyOf(WireValue.values(type)));
        if (required) {
            // The published document gives the pattern for required members only; the enum says it all anyway.
            property.setPattern(WireValue.pattern(type));
        }
    }

    private static boolean required(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(NotNull.class::isInstance);
    }

    private static boolean isWireValue(Class<?> type) {
        return type.isEnum() && WireValue.class.isAssignableFrom(type);
    }

    private static Schema<?> schemaOf(Class<?> type) {
        var schema = new StringSchema();
        WireValue.values(type).forEach(schema::addEnumItem);
        schema.setPattern(WireValue.pattern(type));
        return schema;
    }

    /** A query value that names no constant of its enum; answered as 422 listing the allowed values. */
    static final class UnknownWireValue extends IllegalArgumentException {
        UnknownWireValue(Class<?> type) {
            super("must be one of " + WireValue.allowed(type));
        }
    }

    /** The {@link WireValue} enums among the components of a record type. */
    private static final ClassValue<List<Class<?>>> ENUMS = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return !type.isRecord()
                    ? List.of()
                    : Arrays.stream(type.getRecordComponents())
                            .<Class<?>>map(RecordComponent::getType)
                            .filter(WireValueConfiguration::isWireValue)
                            .distinct()
                            .toList();
        }
    };

    /**
     * Every {@link WireValue} enum in a query parameter record is converted by its wire name. This is a property
     * editor of the binder, not a converter of the conversion service, because the binder falls back to
     * {@code Enum.valueOf} when a converter refuses a value: {@code sort=NAME} would then be accepted.
     */
    @Bean
    BinderEditors wireValueBinding() {
        return binder -> {
            @Nullable ResolvableType target = binder.getTargetType();
            @Nullable Class<?> type = target == null ? null : target.resolve();
            if (type != null) {
                for (Class<?> wireValue : ENUMS.get(type)) {
                    binder.registerCustomEditor(wireValue, new WireValueEditor(wireValue));
                }
            }
        };
    }

    private static final class WireValueEditor extends PropertyEditorSupport {
        private final Class<?> type;

        WireValueEditor(Class<?> type) {
            this.type = type;
        }

        /** An empty value is no value; an unknown one is refused, which Spring reports as a mismatch (422). */
        @Override
        public void setAsText(@Nullable String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            for (Object constant : type.getEnumConstants()) {
                if (((WireValue) constant).wireValue().equals(text)) {
                    setValue(constant);
                    return;
                }
            }
            throw new UnknownWireValue(type);
        }
    }
}
