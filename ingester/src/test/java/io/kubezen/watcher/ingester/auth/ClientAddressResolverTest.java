package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.kubezen.watcher.ingester.auth.Requests.headers;
import static io.kubezen.watcher.ingester.auth.Requests.ip;
import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTest {

    // The ingress controllers and a v6 proxy range.
    private final ClientAddressResolver resolver = new ClientAddressResolver(
            List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("fd00:1::/64")));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("untrusted peer is the client, its header ignored", "198.51.100.9",
                        new String[] {"203.0.113.5"}, "198.51.100.9"),
                Arguments.of("trusted peer without header", "10.0.0.2", new String[] {}, "10.0.0.2"),
                Arguments.of("trusted peer, one hop", "10.0.0.2", new String[] {"203.0.113.5"}, "203.0.113.5"),
                Arguments.of("forged left-most hops are ignored", "10.0.0.2",
                        new String[] {"192.0.2.66, 10.0.0.77, 203.0.113.5"}, "203.0.113.5"),
                Arguments.of("chain of trusted proxies is skipped", "10.0.0.2",
                        new String[] {"203.0.113.5, 10.0.0.9, 10.0.0.3"}, "203.0.113.5"),
                Arguments.of("repeated headers read in order", "10.0.0.2",
                        new String[] {"192.0.2.66", "203.0.113.5, 10.0.0.3"}, "203.0.113.5"),
                Arguments.of("all hops trusted: left-most", "10.0.0.2",
                        new String[] {"10.0.0.7, 10.0.0.3"}, "10.0.0.7"),
                Arguments.of("v6 proxy and v6 client", "fd00:1::2",
                        new String[] {"2001:db8::42"}, "2001:db8::42"),
                Arguments.of("v4 hop with port", "10.0.0.2", new String[] {"203.0.113.5:41234"}, "203.0.113.5"),
                Arguments.of("bracketed v6 hop with port", "10.0.0.2",
                        new String[] {"[2001:db8::42]:443"}, "2001:db8::42"),
                Arguments.of("v4-mapped peer in trusted v4 range", "::ffff:10.0.0.2",
                        new String[] {"203.0.113.5"}, "203.0.113.5"),
                Arguments.of("empty hops skipped", "10.0.0.2", new String[] {"203.0.113.5, , "}, "203.0.113.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheRightMostUntrustedHop(String name, String peer, String[] forwardedFor, String client) {
        String[] pairs = new String[forwardedFor.length * 2];
        for (int i = 0; i < forwardedFor.length; i++) {
            pairs[2 * i] = "X-Forwarded-For";
            pairs[2 * i + 1] = forwardedFor[i];
        }

        assertThat(resolver.resolve(ip(peer), headers(pairs))).contains(ip(client));
    }

    @Test
    void aNonAddressHopFromTheTrustedChainMeansUnknown() {
        assertThat(resolver.resolve(ip("10.0.0.2"), headers("X-Forwarded-For", "203.0.113.5, unknown"))).isEmpty();
    }

    @Test
    void aNonAddressHopLeftOfTheClientDoesNotMatter() {
        assertThat(resolver.resolve(ip("10.0.0.2"), headers("X-Forwarded-For", "evil.example, 203.0.113.5")))
                .contains(ip("203.0.113.5"));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        ClientAddressResolver none = new ClientAddressResolver(List.of());

        assertThat(none.resolve(ip("10.0.0.2"), headers("X-Forwarded-For", "203.0.113.5"))).contains(ip("10.0.0.2"));
    }
}
