package io.kubezen.watcher.ingester.auth;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}. A bare address is a network
 * of one. Host bits must be zero: {@code 10.1.2.3/8} is refused rather than silently read as
 * {@code 10.0.0.0/8}, since whoever wrote it likely meant something else.
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits);
        }
    }

    /** @throws IllegalArgumentException with a message that says what is wrong with {@code text} */
    public static Cidr parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        InetAddress address = IpAddresses.parseLiteral(addressPart).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' is not a CIDR: '" + addressPart + "' is not an IP address"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR: the prefix length is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR: the prefix length must be 0.." + bits);
            }
        }
        Cidr cidr = new Cidr(address, prefix);
        if (!cidr.masked(address).equals(address)) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean '"
                    + cidr.masked(address).getHostAddress() + "/" + prefix + "'?");
        }
        return cidr;
    }

    public boolean contains(InetAddress candidate) {
        byte[] net = network.getAddress();
        byte[] addr = IpAddresses.normalize(candidate).getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != addr[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (net[full] & mask) == (addr[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private InetAddress masked(InetAddress address) {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        return IpAddresses.byAddress(b);
    }
}
