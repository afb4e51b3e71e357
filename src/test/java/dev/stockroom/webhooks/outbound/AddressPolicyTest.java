package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    static final AddressPolicy DEFAULT = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254", // loopback
                "0.0.0.0",
                "0.1.2.3", // unspecified, "this network"
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "192.168.255.255",
                "169.254.0.1",
                "169.254.169.254", // link-local, cloud metadata
                "100.64.0.1",
                "100.127.255.255", // carrier-grade NAT
                "224.0.0.1",
                "239.255.255.250", // multicast
                "255.255.255.255",
                "240.0.0.1" // broadcast, reserved
            })
    void forbidsInternalIpv4Addresses(String address) {
        assertThat(DEFAULT.isForbidden(InetAddress.ofLiteral(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::1", // loopback
                "::", // unspecified
                "fe80::1",
                "febf:ffff::1", // link-local
                "fc00::1",
                "fd12:3456:789a::1", // unique local
                "ff02::1",
                "ff0e::114", // multicast
                "fec0::1" // site-local
            })
    void forbidsInternalIpv6Addresses(String address) {
        assertThat(DEFAULT.isForbidden(InetAddress.ofLiteral(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1", // mapped
                "::127.0.0.1",
                "::10.0.0.1",
                "::192.168.0.1", // compatible
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b::a00:1", // NAT64
                "64:ff9b:1::5db8:d822", // NAT64 for local use, forbidden as a whole
                "2002:7f00:1::",
                "2002:a9fe:a9fe::1",
                "2002:c0a8:101::", // 6to4
                "2001:0:4136:e378:8000:63bf:80ff:fffe" // Teredo, client 127.0.0.1
            })
    void forbidsIpv6FormsThatLeadToAForbiddenIpv4Address(String address) {
        assertThat(DEFAULT.isForbidden(InetAddress.ofLiteral(address))).isTrue();
    }

    @Test
    void forbidsAMappedAddressKeptInItsIpv6Form() throws UnknownHostException {
        assertThat(DEFAULT.isForbidden(mappedInIpv6Form(127, 0, 0, 1))).isTrue();
        assertThat(DEFAULT.isForbidden(mappedInIpv6Form(169, 254, 169, 254))).isTrue();
        assertThat(DEFAULT.isForbidden(mappedInIpv6Form(93, 184, 216, 34))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "172.15.255.255",
                "172.32.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "192.169.0.1",
                "169.253.255.255",
                "223.255.255.255",
                "11.0.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "2606:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:93.184.216.34",
                "::8.8.8.8",
                "64:ff9b::5db8:d822",
                "2002:5db8:d822::1",
                "2001:0:4136:e378:8000:63bf:a247:27dd" // Teredo, client 93.184.216.34
            })
    void permitsPublicAddresses(String address) {
        assertThat(DEFAULT.isForbidden(InetAddress.ofLiteral(address))).isFalse();
    }

    @Test
    void anAllowedNetworkIsPermittedThoughInternal() {
        var policy = new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.0.0.0/8")));

        assertThat(policy.isForbidden(InetAddress.ofLiteral("127.0.0.1"))).isFalse();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("10.200.0.9"))).isFalse();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("127.0.0.2"))).isTrue();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("192.168.0.1"))).isTrue();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("::1"))).isTrue();
    }

    @Test
    void anAllowedNetworkIsPermittedInItsIpv6FormsToo() {
        var policy = new AddressPolicy(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")));

        assertThat(policy.isForbidden(InetAddress.ofLiteral("64:ff9b::a01:203")))
                .isFalse();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("::ffff:10.1.2.3"))).isFalse();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("::1"))).isFalse();
        assertThat(policy.isForbidden(InetAddress.ofLiteral("64:ff9b::7f00:1"))).isTrue();
    }

    private static InetAddress mappedInIpv6Form(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        var address = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        return address;
    }
}
