package io.kubezen.watcher.ingester.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever resolving a host name: header values come from senders, and
 * {@code InetAddress.getByName} on a name would let them make us query DNS.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    // Starting with a hex digit or ':' and holding a ':' is what makes getByName parse instead of resolve.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /**
     * Accepts {@code 192.0.2.1}, {@code 2001:db8::1} and, as some proxies write them in
     * {@code X-Forwarded-For}, {@code 192.0.2.1:443} and {@code [2001:db8::1]:443}.
     */
    static Optional<InetAddress> parseHop(String text) {
        String s = text.trim();
        Matcher withPort = IPV4_WITH_PORT.matcher(s);
        if (withPort.matches()) {
            return parseLiteral(withPort.group(1));
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(s);
        if (bracketed.matches()) {
            return parseLiteral(bracketed.group(1));
        }
        return parseLiteral(s);
    }

    /** A bare IPv4 or IPv6 literal; IPv4-mapped IPv6 addresses come back as IPv4. */
    static Optional<InetAddress> parseLiteral(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(byAddress(bytes));
        }
        if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
            try {
                return Optional.of(normalize(InetAddress.getByName(text)));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Folds {@code ::ffff:a.b.c.d} to {@code a.b.c.d} so that IPv4 CIDRs match dual-stack sockets. */
    static InetAddress normalize(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                return byAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
        }
        return address;
    }

    /** For 4 or 16 bytes; never touches DNS. */
    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }
}
