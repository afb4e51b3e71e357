package dev.stockroom.shared.web;

import java.lang.reflect.Executable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.BindParamNameResolver;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Query parameter records ({@link ParameterObject}: {@link PageParameters} and each list's own) are bound by
 * their constructor and validated, like any model attribute, with one difference: when some parameters cannot be
 * converted ({@code sort=sideways}), Spring would not validate the others ({@code limit=500}) and the client
 * would learn of its mistakes one at a time. Here the others are validated too, and every error is answered at
 * once.
 */
@Configuration(proxyBeanMethods = false)
class QueryParametersConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryParametersResolver());
    }

    private static final RememberedNames NAMES = new RememberedNames();

    private static final class QueryParametersResolver extends ServletModelAttributeMethodProcessor {

        QueryParametersResolver() {
            super(false);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().isAnnotationPresent(ParameterObject.class);
        }

        @Override
        protected void constructAttribute(WebDataBinder binder, NativeWebRequest request) {
            binder.setNameResolver(NAMES);
            super.constructAttribute(binder, request);
            if (binder.getBindingResult().hasErrors()) {
                // Spring skips validation after a conversion error; the binder still checks the values it got
                // (the record is built with no value where conversion failed).
                binder.validate();
            }
        }
    }

    /**
     * Spring's {@link BindParamNameResolver}, remembered per constructor parameter. Spring asks it for every
     * parameter of every request, and it reads the constructor's parameter annotations each time (the JDK parses
     * them anew on each call): a tenth of the CPU of a product list.
     */
    private static final class RememberedNames implements DataBinder.NameResolver {

        private final BindParamNameResolver spring = new BindParamNameResolver();
        private final Map<Parameter, Optional<String>> names = new ConcurrentHashMap<>();

        private record Parameter(Executable executable, int index) {}

        @Override
        public @Nullable String resolveName(MethodParameter parameter) {
            return names.computeIfAbsent(
                            new Parameter(parameter.getExecutable(), parameter.getParameterIndex()),
                            key -> Optional.ofNullable(spring.resolveName(parameter)))
                    .orElse(null);
        }
    }
}
