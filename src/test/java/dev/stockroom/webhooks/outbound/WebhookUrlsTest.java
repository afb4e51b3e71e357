package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    static final OutboundPolicy HTTPS_ONLY = OutboundPolicy.defaults();
    static final OutboundPolicy LOCAL_HTTP = OutboundPolicy.of(true, "127.0.0.1/32", Duration.ofSeconds(1));

    /** A DNS that knows a few names, and nothing else: no test here looks a real name up. */
    static final Resolver DNS = fakeDns(Map.of(
            "hooks.partner.example", new String[] {"93.184.216.34", "2606:4700::1111"},
            "rebind.example", new String[] {"127.0.0.1"},
            "half-internal.example", new String[] {"93.184.216.34", "10.0.0.7"},
            "metadata.example", new String[] {"169.254.169.254"}));

    @Test
    void acceptsAnHttpsUrlOnAPublicHost() {
        assertThat(check("https://hooks.partner.example/stockroom?tenant=7", HTTPS_ONLY))
                .isEmpty();
        assertThat(check("HTTPS://hooks.partner.example:8443/", HTTPS_ONLY)).isEmpty();
    }

    @Test
    void refusesHttpUnlessThePolicyAllowsIt() {
        assertThat(check("http://hooks.partner.example/", HTTPS_ONLY)).hasValue("must use https");
        assertThat(check("http://hooks.partner.example/", OutboundPolicy.of(true, "", Duration.ofSeconds(1))))
                .isEmpty();
    }

    @Test
    void refusesOtherSchemes() {
        assertThat(check("ftp://hooks.partner.example/", HTTPS_ONLY)).hasValue("must use https");
        assertThat(check("file:///etc/passwd", LOCAL_HTTP)).hasValue("must use http or https");
        assertThat(check("gopher://hooks.partner.example/", LOCAL_HTTP)).hasValue("must use http or https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/hooks", "hooks.partner.example/hooks", "https:///hooks", "https:hooks"})
    void refusesAUrlWithoutSchemeOrHost(String url) {
        assertThat(check(url, HTTPS_ONLY)).hasValue("must be an absolute URL with a host");
    }

    @Test
    void refusesUserInfo() {
        assertThat(check("https://user:secret@hooks.partner.example/", HTTPS_ONLY))
                .hasValue("must not contain user info");
        assertThat(check("https://user@hooks.partner.example/", HTTPS_ONLY)).hasValue("must not contain user info");
    }

    @Test
    void refusesAFragment() {
        assertThat(check("https://hooks.partner.example/#top", HTTPS_ONLY)).hasValue("must not contain a fragment");
        assertThat(check("https://hooks.partner.example/#", HTTPS_ONLY)).hasValue("must not contain a fragment");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThat(check("https://hooks.partner.example:99999/", HTTPS_ONLY))
                .hasValue("must have a port between 1 and 65535");
        assertThat(check("https://hooks.partner.example:0/", HTTPS_ONLY))
                .hasValue("must have a port between 1 and 65535");
    }

    @Test
    void refusesWhatIsNoUrl() {
        assertThat(check("https://hooks partner.example/", HTTPS_ONLY)).hasValue("must be a valid URL");
    }

    @Test
    void refusesALongUrlBeforeReadingIt() {
        String path = "a".repeat(WebhookUrls.MAX_LENGTH);

        assertThat(check("https://hooks.partner.example/" + path, HTTPS_ONLY))
                .hasValue("must be at most 2048 characters");
        assertThat(check(("https://hooks.partner.example/" + path).substring(0, 2048), HTTPS_ONLY))
                .isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopback() {
        assertThat(check("https://rebind.example/hooks", HTTPS_ONLY))
                .hasValue("must not point to a private, loopback or link-local address");
        assertThat(check("https://metadata.example/latest/meta-data", HTTPS_ONLY))
                .hasValue("must not point to a private, loopback or link-local address");
    }

    @Test
    void refusesANameWithAnyForbiddenAddress() {
        assertThat(check("https://half-internal.example/", HTTPS_ONLY))
                .hasValue("must not point to a private, loopback or link-local address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/",
                "https://[::1]:8443/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://[::ffff:169.254.169.254]/",
                "https://[fd00::1]/",
                "https://10.0.0.1/",
                "https://2130706433/" // 127.0.0.1 as one number
            })
    void refusesForbiddenAddressLiterals(String url) {
        assertThat(WebhookUrls.check(url, HTTPS_ONLY))
                .hasValue("must not point to a private, loopback or link-local address");
    }

    @Test
    void acceptsAPublicAddressLiteral() {
        assertThat(WebhookUrls.check("https://93.184.216.34/hooks", HTTPS_ONLY)).isEmpty();
        assertThat(WebhookUrls.check("https://[2606:4700::1111]/hooks", HTTPS_ONLY))
                .isEmpty();
    }

    @Test
    void refusesAHostThatCannotBeResolved() {
        assertThat(check("https://nowhere.example/", HTTPS_ONLY)).hasValue("host cannot be resolved");
    }

    @Test
    void acceptsAnAllowedNetwork() {
        assertThat(check("http://127.0.0.1:8080/hooks", LOCAL_HTTP)).isEmpty();
        assertThat(check("http://rebind.example:8080/hooks", LOCAL_HTTP)).isEmpty();
        assertThat(check("http://127.0.0.2:8080/hooks", LOCAL_HTTP))
                .hasValue("must not point to a private, loopback or link-local address");
    }

    private static java.util.Optional<String> check(String url, OutboundPolicy policy) {
        return WebhookUrls.check(url, policy, DNS);
    }

    static Resolver fakeDns(Map<String, String[]> names) {
        return host -> {
            try {
                return new InetAddress[] {InetAddress.ofLiteral(host)};
            } catch (IllegalArgumentException notALiteral) {
                String[] addresses = names.get(host);
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                var resolved = new InetAddress[addresses.length];
                for (int i = 0; i < addresses.length; i++) {
                    resolved[i] = InetAddress.getByAddress(
                            host, InetAddress.ofLiteral(addresses[i]).getAddress());
                }
                return resolved;
            }
        };
    }
}
