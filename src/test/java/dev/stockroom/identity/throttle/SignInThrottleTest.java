package dev.stockroom.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.identity.throttle.SignInThrottle.Account;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void aPersonIsCountedByTheEmailTheLoginLooksUp() {
        var plain = Account.person("ada@example.com");

        assertThat(Account.person("Ada@Example.com\u0001")).isEqualTo(plain);
        assertThat(Account.person("\u0001ada@example.com ")).isEqualTo(plain);
        assertThat(Account.person("ａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo(plain);
        assertThat(plain.person()).isTrue();
    }

    @Test
    void whatCanBeNoPersonIsCountedUnderOneNameAndNotAcrossAddresses() {
        var invisible = Account.person("a\u200bda@example.com");

        assertThat(invisible).isEqualTo(Account.person("not an email " + "x".repeat(1_000)));
        assertThat(invisible.person()).isFalse();
    }

    @Test
    void aClientIsCountedByItsIdExactlyAsRegistered() {
        assertThat(Account.client("Partner-1")).isNotEqualTo(Account.client("partner-1"));
        assertThat(Account.client("partner-1").name()).isEqualTo("client:partner-1");
        assertThat(Account.client("partner-1").person()).isFalse();
    }

    @Test
    void aClientIdThatCannotBeRegisteredIsCountedUnderOneName() {
        assertThat(Account.client("partner-1\u0001")).isEqualTo(Account.client("x".repeat(101)));
        assertThat(Account.client("")).isEqualTo(Account.client("partner-1\u0001"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64Network() {
        assertThat(SignInThrottle.network("2001:db8:1:2::5")).isEqualTo(SignInThrottle.network("2001:db8:1:2:ffff::9"));
        assertThat(SignInThrottle.network("2001:db8:1:2::5")).isNotEqualTo(SignInThrottle.network("2001:db8:1:3::5"));
    }

    @Test
    void ipv4AddressesCountOnTheirOwn() {
        assertThat(SignInThrottle.network("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.network("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.network("192.0.2.2")).isNotEqualTo("192.0.2.1");
    }

    @Test
    void anythingElseCountsAsItCameButBounded() {
        assertThat(SignInThrottle.network("unknown")).isEqualTo("unknown");
        assertThat(SignInThrottle.network("x".repeat(500))).hasSize(64);
    }
}
