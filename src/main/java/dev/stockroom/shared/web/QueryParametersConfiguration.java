package dev.stockroom.shared.web;

import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
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
            super.constructAttribute(binder, request);
            if (binder.getBindingResult().hasErrors()) {
                // Spring skips validation after a conversion error; the binder still checks the values it got
                // (the record is built with no value where conversion failed).
                binder.validate();
            }
        }
    }
}
