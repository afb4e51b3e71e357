package dev.stockroom.shared.web;

import dev.stockroom.shared.Precondition;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code If-Match} header of {@link IfMatch} parameters: bound as the {@link Precondition} it states and
 * documented as an optional header (after the handler's other parameters, where it always stands).
 */
@Configuration(proxyBeanMethods = false)
class ConditionalRequestConfiguration implements WebMvcConfigurer {

    static {
        // The Precondition parameter itself is not a request parameter; the customizer documents the header.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(IfMatch.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    @Bean
    OperationCustomizer ifMatchHeader() {
        return (operation, handlerMethod) -> {
            Arrays.stream(handlerMethod.getMethodParameters())
                    .map(parameter -> parameter.getParameterAnnotation(IfMatch.class))
                    .filter(Objects::nonNull)
                    .forEach(ifMatch -> operation.addParametersItem(new HeaderParameter()
                            .name(HttpHeaders.IF_MATCH)
                            .description(ifMatch.description())
                            .example(ifMatch.example())
                            .required(false)
                            .schema(new StringSchema())));
            return operation;
        };
    }

    private static final class IfMatchResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(IfMatch.class)
                    && parameter.getParameterType().equals(Precondition.class);
        }

        /** Several {@code If-Match} fields are one list, joined with commas as RFC 9110 allows. */
        @Override
        public Precondition resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer container,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binders) {
            String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
            return ETags.ifMatch(values == null ? null : String.join(",", values));
        }
    }
}
