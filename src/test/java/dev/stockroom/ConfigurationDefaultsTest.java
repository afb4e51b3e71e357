package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Defaults in {@code application.yml} that derive from other settings, resolved as Spring Boot resolves them. */
class ConfigurationDefaultsTest {

    @Test
    void publicUrlFollowsThePortTheServerListensOnNotThePortVariable() throws IOException {
        var environment = environmentWith(Map.of("server.port", "9123"));

        assertThat(environment.getProperty("stockroom.identity.oauth.public-url"))
                .isEqualTo("http://127.0.0.1:9123");
        assertThat(environment.getProperty("springdoc.swagger-ui.oauth2-redirect-url"))
                .isEqualTo("http://127.0.0.1:9123/swagger-ui/oauth2-redirect.html");
    }

    @Test
    void publicUrlFollowsThePortVariableWhenNoServerPortIsGiven() throws IOException {
        var environment = environmentWith(Map.of("PORT", "7001"));

        assertThat(environment.getProperty("stockroom.identity.oauth.public-url"))
                .isEqualTo("http://127.0.0.1:7001");
    }

    @Test
    void anExplicitPublicUrlWins() throws IOException {
        var environment =
                environmentWith(Map.of("server.port", "9123", "STOCKROOM_PUBLIC_URL", "https://api.example.com"));

        assertThat(environment.getProperty("stockroom.identity.oauth.public-url"))
                .isEqualTo("https://api.example.com");
    }

    /** application.yml under a source of higher precedence, as command-line arguments or the environment are. */
    private static StandardEnvironment environmentWith(Map<String, Object> overrides) throws IOException {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("overrides", overrides));
        for (var yaml :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            sources.addLast(yaml);
        }
        return environment;
    }
}
