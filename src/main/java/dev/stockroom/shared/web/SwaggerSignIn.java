package dev.stockroom.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.properties.SwaggerUiConfigParameters;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.core.io.ClassPathResource;

/**
 * springdoc's Swagger UI initializer with Stockroom's plugin ({@code docs/swagger-sign-in.js}) added: springdoc's
 * {@code oauth.client-id} prefills the documentation client for every OAuth flow, and Swagger UI has no setting per
 * flow, so the plugin leaves the client credentials flow's id empty (a machine signs in as an API client of its
 * own). Fails at the first request for the page if a new Swagger UI no longer has the plugins list it extends.
 */
final class SwaggerSignIn extends SwaggerIndexPageTransformer {

    private static final Pattern PLUGINS = Pattern.compile("plugins\\s*:\\s*\\[");

    private final String plugin;

    SwaggerSignIn(
            SwaggerUiConfigProperties config,
            SwaggerUiOAuthProperties oauth,
            SwaggerWelcomeCommon welcome,
            ObjectMapperProvider mappers) {
        super(config, oauth, welcome, mappers);
        try (var in = new ClassPathResource("docs/swagger-sign-in.js").getInputStream()) {
            this.plugin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The Swagger UI plugin docs/swagger-sign-in.js is missing", e);
        }
    }

    @Override
    protected String defaultTransformations(SwaggerUiConfigParameters parameters, InputStream initializer)
            throws IOException {
        String script = super.defaultTransformations(parameters, initializer);
        Matcher plugins = PLUGINS.matcher(script);
        if (!plugins.find()) {
            throw new IllegalStateException("Swagger UI's initializer has no plugins list to add StockroomSignIn to");
        }
        return plugin + "\n" + plugins.replaceFirst(Matcher.quoteReplacement("plugins: [StockroomSignIn, "));
    }
}
