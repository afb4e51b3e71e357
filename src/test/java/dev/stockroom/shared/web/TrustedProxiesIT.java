package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only from the proxies named by
 * {@code STOCKROOM_TRUSTED_PROXIES} (loopback by default); the test client connects from loopback.
 */
class TrustedProxiesIT {

    @Nested
    @ApiTest
    class ByDefault {

        @Autowired
        Api api;

        @Test
        void forwardedHeadersFromLoopbackAreBelieved() {
            var caller = callerAsForwardedBy(api, "203.0.113.7");

            assertThat(caller.at("/remote_address")).isEqualTo("203.0.113.7");
            assertThat(caller.json().get("secure").asBoolean()).isTrue();
        }
    }

    @Nested
    @ApiTest
    @TestPropertySource(properties = "STOCKROOM_TRUSTED_PROXIES=192.0.2.0/24, 2001:db8::/32")
    class WhenLoopbackIsNotATrustedProxy {

        @Autowired
        Api api;

        @Test
        void forwardedHeadersAreIgnored() {
            var caller = callerAsForwardedBy(api, "203.0.113.7");

            assertThat(caller.at("/remote_address")).matches("127\\..*|0:0:0:0:0:0:0:1|::1");
            assertThat(caller.json().get("secure").asBoolean()).isFalse();
        }
    }

    static Response callerAsForwardedBy(Api api, String client) {
        var response = api.anonymous()
                .get("/test/caller")
                .header("X-Forwarded-For", client)
                .header("X-Forwarded-Proto", "https")
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
