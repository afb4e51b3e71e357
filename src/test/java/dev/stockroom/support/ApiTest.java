package dev.stockroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on real PostgreSQL (embedded and ephemeral, or the server named by
 * {@code STOCKROOM_DB_URL}). Every test class with this annotation shares one application context, and may have
 * the {@link Api} of the running service injected ({@code @Autowired Api api}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestEndpoints.class, ApiConfiguration.class})
public @interface ApiTest {}
