package dev.stockroom.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Property editors every data binder of Spring MVC gets (query parameters and path variables), as a global
 * {@code @InitBinder} would register them, but through the handler adapter's {@link WebBindingInitializer}: an
 * {@code @InitBinder} method of a {@code @ControllerAdvice} is wrapped into a new handler method on every request
 * and called by reflection on every binder, about 6 % of the CPU of a product read.
 */
@FunctionalInterface
interface BinderEditors {

    void registerOn(WebDataBinder binder);

    @Configuration(proxyBeanMethods = false)
    class OnEveryBinder {

        /** After Boot's initializer (conversion service, validator), every {@link BinderEditors} bean, in order. */
        @Bean
        static BeanPostProcessor binderEditorsOnEveryBinder(ObjectProvider<BinderEditors> editors) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof RequestMappingHandlerAdapter adapter) {
                        @Nullable WebBindingInitializer boot = adapter.getWebBindingInitializer();
                        List<BinderEditors> all = editors.orderedStream().toList();
                        adapter.setWebBindingInitializer(binder -> {
                            if (boot != null) {
                                boot.initBinder(binder);
                            }
                            for (BinderEditors editor : all) {
                                editor.registerOn(binder);
                            }
                        });
                    }
                    return bean;
                }
            };
        }
    }
}
