package org.weft.server.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code WEFT_TRUSTED_PROXIES}), and the client
 * address of a request worked out with them.
 *
 * <p>Anyone can send an {@code X-Forwarded-For} header, so it counts only when the connection comes from a trusted
 * proxy. The header is then read from its right end, where each proxy appended the address it saw: the first entry
 * that is not itself a trusted proxy is the client. Entries further left were written by the client and are never
 * used, so a client cannot pick its own address by sending the header.
 */
public final class TrustedProxies {
    public static final HeaderName X_FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** No proxy trusted: the socket's address is always the client's. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * @param entries addresses ({@code 127.0.0.1}, {@code ::1}) and ranges ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(Cidr.parse(entry).orElseThrow(() -> new IllegalArgumentException(
                    "WEFT_TRUSTED_PROXIES / weft.trusted-proxies: '" + entry
                            + "' is not an IP address or a range such as 10.0.0.0/8 (host names are not accepted)")));
        }
        return new TrustedProxies(ranges);
    }

    public boolean trusts(InetAddress address) {
        for (Cidr range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The client's address: the socket's, or, behind trusted proxies, the one the nearest of them saw. */
    public InetAddress clientAddress(ServerRequest req) {
        InetAddress peer = peer(req.remotePeer().address());
        if (peer == null || !trusts(peer)) {
            return peer;
        }
        return clientAddress(peer, req.headers().values(X_FORWARDED_FOR));
    }

    /** As {@link #clientAddress(ServerRequest)}, from the socket's address and the header's values in order. */
    InetAddress clientAddress(InetAddress peer, List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop);
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parseHop(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address (a proxy that writes "unknown" or a name): the last hop that was one stands.
                return client;
            }
            client = hop.get();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    private static InetAddress peer(SocketAddress address) {
        return address instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    /** An address range: the first {@code bits} bits of {@code network}. */
    private record Cidr(byte[] network, int bits) {
        static Optional<Cidr> parse(String entry) {
            String value = entry.strip();
            int slash = value.indexOf('/');
            Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            int max = address.get().getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > max) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Cidr(address.get().getAddress(), bits));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
