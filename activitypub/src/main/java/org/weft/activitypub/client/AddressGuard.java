package org.weft.activitypub.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses URLs that would make the server reach into its own network (SSRF): anything but https (and
 * http when private addresses are allowed), and hosts any of whose resolved addresses is loopback,
 * private (10/8, 172.16/12, 192.168/16), link-local (169.254/16 — cloud metadata — and fe80::/10),
 * unique-local (fc00::/7), CGNAT (100.64/10), "this network" (0/8), reserved (240/4), any-local,
 * multicast, or an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) form of those.
 *
 * <p>Limitation: {@link java.net.http.HttpClient} resolves the host again when it connects, so a DNS
 * server answering differently the second time (rebinding) is not caught here.
 */
public final class AddressGuard implements AddressCheck {

    /** Resolves a host name to all its addresses; {@link InetAddress#getAllByName} by default. */
    @FunctionalInterface
    public interface HostResolver {
        /**
         * @param host a host name or IP literal
         * @return every address it resolves to
         * @throws UnknownHostException if it does not resolve
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final HostResolver resolver;

    /**
     * @param allowPrivate true only for development and tests: permits plain http and internal addresses
     */
    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /**
     * @param allowPrivate true only for development and tests: permits plain http and internal addresses
     * @param resolver how host names are resolved
     */
    public AddressGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public void check(URI uri) throws ForbiddenAddressException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivate)) {
            throw new ForbiddenAddressException("scheme not allowed: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ForbiddenAddressException("no host: " + uri);
        }
        if (allowPrivate) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : resolver.resolve(bare)) {
            if (isInternal(address)) {
                throw new ForbiddenAddressException(host + " resolves to internal address " + address.getHostAddress());
            }
        }
    }

    /**
     * @param address an address
     * @return true if it is not a public unicast address
     */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isInternalIpv6(bytes);
        }
        return true;
    }

    private static boolean isInternalIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // "this network"
                || first == 127                             // loopback
                || first == 10                              // private
                || (first == 172 && (second & 0xf0) == 16)  // private 172.16/12
                || (first == 192 && second == 168)          // private
                || (first == 169 && second == 254)          // link-local, cloud metadata
                || (first == 100 && (second & 0xc0) == 64)  // CGNAT 100.64/10
                || first >= 224;                            // multicast, reserved 240/4, broadcast
    }

    private static boolean isInternalIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return true;                                    // unique-local fc00::/7
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return true;                                    // link-local fe80::/10
        }
        byte[] lastFour = Arrays.copyOfRange(b, 12, 16);
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isInternalIpv4(lastFour);                // IPv4-mapped ::ffff:a.b.c.d
        }
        if (allZero(b, 0, 12)) {
            return true;                                    // ::, ::1 and deprecated IPv4-compatible ::a.b.c.d
        }
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        return nat64 && isInternalIpv4(lastFour);           // NAT64 64:ff9b::/96
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
