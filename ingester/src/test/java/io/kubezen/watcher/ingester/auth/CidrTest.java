package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    static Stream<Arguments> membership() {
        return Stream.of(
                Arguments.of("v4 inside /8", "10.0.0.0/8", "10.255.1.2", true),
                Arguments.of("v4 outside /8", "10.0.0.0/8", "11.0.0.1", false),
                Arguments.of("v4 /23 partial byte inside", "192.168.2.0/23", "192.168.3.77", true),
                Arguments.of("v4 /23 partial byte outside", "192.168.2.0/23", "192.168.4.1", false),
                Arguments.of("v4 /32 exact", "203.0.113.7/32", "203.0.113.7", true),
                Arguments.of("v4 /32 neighbour", "203.0.113.7/32", "203.0.113.8", false),
                Arguments.of("bare v4 address", "203.0.113.7", "203.0.113.7", true),
                Arguments.of("v4 /0 is everything", "0.0.0.0/0", "198.51.100.1", true),
                Arguments.of("v6 inside /32", "2001:db8::/32", "2001:db8:ffff::1", true),
                Arguments.of("v6 outside /32", "2001:db8::/32", "2001:db9::1", false),
                Arguments.of("v6 /57 partial byte inside", "fd00:0:0:80::/57", "fd00:0:0:ff::1", true),
                Arguments.of("v6 /57 partial byte outside", "fd00:0:0:80::/57", "fd00:0:0:7f::1", false),
                Arguments.of("bare v6 loopback", "::1", "::1", true),
                Arguments.of("v4-mapped v6 peer matches v4 CIDR", "10.0.0.0/8", "::ffff:10.1.2.3", true),
                Arguments.of("v4 address never matches v6 CIDR", "::/0", "10.1.2.3", false),
                Arguments.of("v6 address never matches v4 CIDR", "0.0.0.0/0", "2001:db8::1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("membership")
    void containsExactlyTheNetwork(String name, String cidr, String address, boolean inside) {
        assertThat(Cidr.parse(cidr).contains(ip(address))).isEqualTo(inside);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("host bits set, v4", "10.1.2.3/8", "did you mean '10.0.0.0/8'"),
                Arguments.of("host bits set, v6", "2001:db8::1/32", "did you mean '2001:db8:0:0:0:0:0:0/32'"),
                Arguments.of("prefix too long, v4", "10.0.0.0/33", "0..32"),
                Arguments.of("prefix too long, v6", "::/129", "0..128"),
                Arguments.of("prefix not a number", "10.0.0.0/x", "not a number"),
                Arguments.of("octet over 255", "256.0.0.0/8", "not an IP address"),
                Arguments.of("short v4 form", "10.1/16", "not an IP address"),
                Arguments.of("host name, never resolved", "localhost/32", "not an IP address"),
                Arguments.of("v6-looking name, never resolved", ".::1", "not an IP address"),
                Arguments.of("empty", "", "not an IP address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWhatIsNotACidrAndSaysWhy(String name, String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void printsAsWritten() {
        assertThat(Cidr.parse("10.0.0.0/8")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("192.0.2.1")).hasToString("192.0.2.1/32");
    }
}
