package dev.stockroom.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * ReDoc at {@code /redoc}, rendering {@code /openapi.json} with the bundle from the ReDoc webjar; GraphiQL at
 * {@code /graphiql}, querying {@code /graphql} with the bundles from the GraphiQL and React webjars; and {@code /}
 * redirecting to the interactive docs, so that a person who opens the service's address finds a way in.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/redoc").setViewName("forward:/redoc.html");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql.html");
        registry.addRedirectViewController("/", "/docs");
    }
}
