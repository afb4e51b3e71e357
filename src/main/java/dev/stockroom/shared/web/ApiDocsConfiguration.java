package dev.stockroom.shared.web;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * ReDoc at {@code /redoc}, rendering {@code /openapi.json} with the bundle from the ReDoc webjar; GraphiQL at
 * {@code /graphiql}, querying {@code /graphql} with the bundles from the GraphiQL and React webjars; and {@code /}
 * redirecting to the interactive docs, so that a person who opens the service's address finds a way in. Swagger
 * UI's page gets Stockroom's sign-in plugin ({@link SwaggerSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/redoc").setViewName("forward:/redoc.html");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql.html");
        registry.addRedirectViewController("/", "/docs");
    }

    @Bean
    SwaggerIndexTransformer indexPageTransformer(
            SwaggerUiConfigProperties config,
            SwaggerUiOAuthProperties oauth,
            SwaggerWelcomeCommon welcome,
            ObjectMapperProvider mappers) {
        return new SwaggerSignIn(config, oauth, welcome, mappers);
    }
}
