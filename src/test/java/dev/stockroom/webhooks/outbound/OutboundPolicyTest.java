package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    @Test
    void readsCommaSeparatedBlocksOfBothFamilies() {
        var policy = OutboundPolicy.of(true, "127.0.0.1/32, 10.0.0.0/8,::1/128 ,192.168.7.7", Duration.ofSeconds(3));

        assertThat(policy.allowHttp()).isTrue();
        assertThat(policy.allowedNetworks())
                .map(Cidr::toString)
                .containsExactly("127.0.0.1/32", "10.0.0.0/8", "0:0:0:0:0:0:0:1/128", "192.168.7.7/32");
        assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void noNetworksAreAllowedByDefault() {
        assertThat(OutboundPolicy.of(false, "", OutboundPolicy.DEFAULT_TIMEOUT).allowedNetworks())
                .isEmpty();
        assertThat(OutboundPolicy.of(false, " , ", OutboundPolicy.DEFAULT_TIMEOUT)
                        .allowedNetworks())
                .isEmpty();
        assertThat(OutboundPolicy.defaults())
                .isEqualTo(new OutboundPolicy(false, java.util.List.of(), Duration.ofSeconds(15)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/33",
                "::1/129",
                "10.0.0.0/-1",
                "10.0.0.0/x",
                "10.0.0.0/",
                "10.0.0.0/8/8",
                "not-an-address/8",
                "partner.example",
                "10.0.0.256/32",
                "10.1.2.3/8"
            })
    void refusesAMalformedBlockNamingIt(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutboundPolicy.of(false, "127.0.0.1/32, " + entry, Duration.ofSeconds(1)))
                .withMessageContaining("'" + entry + "'");
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundPolicy.of(false, "", Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboundPolicy.of(false, "", Duration.ofSeconds(-1)));
    }

    @Test
    void aBlockContainsTheAddressesUnderItsPrefixOnly() {
        var block = Cidr.parse("172.16.0.0/12");

        assertThat(block.contains(address("172.16.0.0"))).isTrue();
        assertThat(block.contains(address("172.31.255.255"))).isTrue();
        assertThat(block.contains(address("172.15.255.255"))).isFalse();
        assertThat(block.contains(address("172.32.0.0"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("93.184.216.34"))).isTrue();
    }

    @Test
    void aBlockContainsOnlyAddressesOfItsFamily() {
        assertThat(Cidr.parse("::/0").contains(address("127.0.0.1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("::1"))).isFalse();
        assertThat(Cidr.parse("::ffff:10.0.0.0/8").contains(address("10.9.8.7")))
                .isTrue();
    }

    static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
