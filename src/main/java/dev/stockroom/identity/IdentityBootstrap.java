package dev.stockroom.identity;

import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.shared.security.Scopes;
import java.io.PrintStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first credentials at start. With {@code STOCKROOM_ADMIN_CLIENT_ID}/{@code _SECRET} and
 * {@code STOCKROOM_ADMIN_EMAIL}/{@code _PASSWORD} set, it makes sure that admin client and admin user exist
 * (idempotently). With none of them set on the embedded database, it generates an admin client and user on the
 * very first start and prints their credentials once to the console (never to the log), so a newcomer can call
 * the API at once. With an external issuer, people and machines come from that provider and nothing is
 * generated.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

    static final String GENERATED_CLIENT_ID = "stockroom-admin";
    static final String GENERATED_EMAIL = "admin@stockroom.local";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final BootstrapProperties properties;
    private final ApiClients clients;
    private final UserAccounts users;
    private final Environment environment;
    private final OAuthProperties oauth;
    private final PrintStream console;

    IdentityBootstrap(
            BootstrapProperties properties,
            ApiClients clients,
            UserAccounts users,
            Environment environment,
            OAuthProperties oauth) {
        this.properties = properties;
        this.oauth = oauth;
        this.clients = clients;
        this.users = users;
        this.environment = environment;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = false;
        if (StringUtils.hasText(properties.adminClientId()) && StringUtils.hasText(properties.adminClientSecret())) {
            clients.ensure(
                    properties.adminClientId(),
                    properties.adminClientSecret(),
                    "Administrator",
                    Set.copyOf(Scopes.ALL));
            log.info("Admin client {} is in place", properties.adminClientId());
            configured = true;
        }
        if (StringUtils.hasText(properties.adminEmail()) && StringUtils.hasText(properties.adminPassword())) {
            users.ensure(new NewUser(properties.adminEmail(), properties.adminPassword(), Role.ADMIN));
            log.info("Admin user {} is in place", properties.adminEmail());
            configured = true;
        }
        if (!configured
                && !oauth.external()
                && embeddedDatabase()
                && !clients.exists(GENERATED_CLIENT_ID)
                && !users.anyAdmin()) {
            generate();
        }
    }

    private void generate() {
        String secret = clients.newSecret();
        String password = clients.newSecret();
        clients.ensure(GENERATED_CLIENT_ID, secret, "Administrator (generated)", Set.copyOf(Scopes.ALL));
        users.ensure(new NewUser(GENERATED_EMAIL, password, Role.ADMIN));
        log.warn("Generated an admin client and user; their credentials were printed to the console once");
        console.println("""

                ==================================================================================
                 Stockroom generated first credentials. They are shown this once; keep them safe.

                   API client   client_id=%s
                                client_secret=%s
                   Admin user   email=%s
                                password=%s
                ==================================================================================
                """.formatted(GENERATED_CLIENT_ID, secret, GENERATED_EMAIL, password));
        console.flush();
    }

    private boolean embeddedDatabase() {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
