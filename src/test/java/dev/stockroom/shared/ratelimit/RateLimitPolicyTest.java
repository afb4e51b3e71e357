package dev.stockroom.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitPolicyTest {

    @Test
    void readsALimitPerWindowWithTheBurstEqualToIt() {
        var policy = RateLimitPolicy.parse("default", "100/1s");

        assertThat(policy.limit()).isEqualTo(100);
        assertThat(policy.window()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.burst()).isEqualTo(100);
        assertThat(policy.header()).isEqualTo("\"default\";q=100;w=1");
    }

    @Test
    void readsALargerBurst() {
        var policy = RateLimitPolicy.parse("client", "6000/1m;burst=600");

        assertThat(policy.limit()).isEqualTo(6000);
        assertThat(policy.burst()).isEqualTo(600);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100/1s", "100/1s;burst=200", "5/500ms", "6000/1m", "10/2h", "1/90s"})
    void writesWhatItReads(String text) {
        assertThat(RateLimitPolicy.parse("default", text).text()).isEqualTo(text);
    }

    @Test
    void aWindowUnderASecondCountsAsOneInTheHeader() {
        assertThat(RateLimitPolicy.parse("default", "5/500ms").header()).isEqualTo("\"default\";q=5;w=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "100", "0/1s", "100/0s", "100/1d", "100/1s;burst=0", "-1/1s", "100/25h"})
    void refusesWhatIsNotARateLimit(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimitPolicy.parse("default", text));
    }
}
