package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.ingester.http.RequestHeaders;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works out the address of the client a request comes from, for IP allowlists.
 *
 * <p>{@code X-Forwarded-For} is believed only as far as trusted proxies vouch for it: when the socket
 * peer is a trusted proxy, the header's hops are read right to left (each hop was appended by the
 * proxy to its right) and the first hop that is not itself a trusted proxy is the client. Anything
 * further left was written by that client and could be forged. A peer that is not a trusted proxy is
 * the client, whatever headers it sends.
 */
public final class ClientAddressResolver {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;

    public ClientAddressResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @return the client address, or empty when a trusted proxy forwarded a hop that is not an IP
     *         address (such as {@code unknown}), so the client cannot be known
     */
    public Optional<InetAddress> resolve(InetAddress peer, RequestHeaders headers) {
        InetAddress client = IpAddresses.normalize(peer);
        if (!isTrusted(client)) {
            return Optional.of(client);
        }
        List<String> hops = hops(headers);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parseHop(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return Optional.of(client);
            }
        }
        // Every hop is a trusted proxy: the left-most one is as close to the client as we can see.
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static List<String> hops(RequestHeaders headers) {
        List<String> hops = new ArrayList<>();
        for (String value : headers.all(FORWARDED_FOR)) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
